import { resolverNames } from '@usage-reporting/core/api';
import { attemptFor, oidcProvider, samlProvider, strictSettings } from './support/fixtures';
import { buildSsoBundleIfStale, BUILD_TIMEOUT_MS } from './support/fresh-bundle';
import { createSsoWorld, DAY, type SsoWorld } from './support/world';

/**
 * The toolkit shares the app's Resolver and KVS. Its consent changes, withdrawal, erase and retention
 * act on usage reporting's data only; the app's providers and login settings stay exactly as stored.
 */
let w: SsoWorld;
beforeAll(buildSsoBundleIfStale, BUILD_TIMEOUT_MS);
beforeEach(async () => {
  w = await createSsoWorld();
});
afterEach(async () => {
  await w.close();
});

async function configuredSite() {
  await w.platform.runLifecycleInstalled();
  const { provider } = await w.ssoMust('addProvider', { settings: samlProvider });
  await w.ssoMust('addProvider', { settings: oidcProvider });
  await w.ssoMust('saveLoginSettings', { settings: strictSettings });
  await w.ssoMust('testSignIn', { attempt: attemptFor(provider.id, samlProvider, 'ana@corp.example.com', new Date()) });
  return { stored: await w.ssoStorage(), providers: await w.ssoMust('listProviders'), settings: await w.ssoMust('getLoginSettings') };
}

test('consent changes, a hand-over, withdrawal with vendor deletion, and erase leave the app’s data untouched', async () => {
  const before = await configuredSite();
  w.advance(DAY);

  await w.toolkitMust('setConsent', { mode: 'per-case' });
  const draft = await w.toolkitMust('preview');
  expect((await w.deliverByHand(draft)).entry).toMatchObject({ status: 'sent', delivery: { mode: 'manual' } });
  await w.toolkitMust('setConsent', { mode: 'automatic', cadence: 'monthly' });
  expect(await w.ssoStorage()).toEqual(before.stored);

  const withdrawn = await w.toolkitMust('withdraw', { alsoRequestVendorDeletion: true });
  expect(withdrawn.consent.mode).toBe('off');
  // Manual delivery: the deletion waits for its request file to be handed over and answered.
  expect(withdrawn.vendorDeletion?.status).toBe('pending');
  expect(await w.rightsByHand({ kind: 'delete' })).toMatchObject({ kind: 'deletion-acknowledgement' });
  expect(await w.ssoStorage()).toEqual(before.stored);

  const erased = await w.toolkitMust('eraseData', { confirm: 'ERASE' });
  expect(erased.erasedKeys).toBeGreaterThan(0);
  expect((await w.toolkitMust('getHistory')).entries).toEqual([]);

  expect(await w.ssoStorage()).toEqual(before.stored);
  expect(await w.ssoMust('listProviders')).toEqual(before.providers);
  expect(await w.ssoMust('getLoginSettings')).toEqual(before.settings);
});

test('the daily job’s retention purges old reports and never the app’s data', async () => {
  const before = await configuredSite();
  await w.toolkitMust('setRetention', { retentionDays: 30 });
  await w.toolkitMust('setConsent', { mode: 'per-case' });
  w.advance(DAY);
  const draft = await w.toolkitMust('preview');
  await w.deliverByHand(draft);

  w.advance(45 * DAY);
  expect(await w.scheduled()).toMatchObject({ ok: true });

  expect(await w.toolkitMust('getHistory')).toMatchObject({ entries: [], purgedReports: 1 });
  expect(await w.ssoStorage()).toEqual(before.stored);
});

describe('inside this app, the toolkit’s resolvers refuse a non-admin', () => {
  test.each(['jira', 'confluence'] as const)('in %s: NOT_ADMIN from every one but getContext, which says the caller is no admin', async (product) => {
    // The app is installed in each product separately, with its own storage: set it up in this one.
    await w.close();
    w = await createSsoWorld({ product });
    const before = await configuredSite();

    for (const name of resolverNames.filter((n) => n !== 'getContext')) {
      const result = await w.toolkit(name, {}, { accountId: w.member, product });
      expect({ name, result }).toMatchObject({ name, result: { ok: false, error: { code: 'NOT_ADMIN' } } });
    }
    expect(await w.toolkit('getContext', {}, { accountId: w.member, product })).toMatchObject({ ok: true, data: { product, isAdmin: false } });

    expect(await w.ssoStorage()).toEqual(before.stored);
    expect(w.requests).toEqual([]);
  });
});
