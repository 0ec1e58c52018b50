import { ssoResolverNames } from '../src/contract/resolvers';
import { attemptFor, oidcProvider, samlProvider, strictSettings } from './support/fixtures';
import { buildSsoBundleIfStale, BUILD_TIMEOUT_MS } from './support/fresh-bundle';
import { createSsoWorld, type SsoWorld } from './support/world';

let w: SsoWorld;
beforeAll(buildSsoBundleIfStale, BUILD_TIMEOUT_MS);
beforeEach(async () => {
  w = await createSsoWorld();
});
afterEach(async () => {
  await w.close();
});

describe('identity providers', () => {
  test('an admin adds a SAML and an OIDC provider and lists them, oldest first, as entered', async () => {
    const saml = await w.ssoMust('addProvider', { settings: samlProvider });
    w.advance(1000);
    const oidc = await w.ssoMust('addProvider', { settings: oidcProvider });

    const { providers } = await w.ssoMust('listProviders');

    expect(providers.map((p) => p.id)).toEqual([saml.provider.id, oidc.provider.id]);
    expect(providers.map((p) => p.settings)).toEqual([samlProvider, oidcProvider]);
  });

  test('an update replaces the settings and keeps the id and creation time', async () => {
    const { provider } = await w.ssoMust('addProvider', { settings: samlProvider });
    w.advance(60_000);

    const updated = await w.ssoMust('updateProvider', { id: provider.id, settings: { ...samlProvider, enabled: false, jitProvisioning: true } });

    expect(updated.provider).toMatchObject({ id: provider.id, createdAt: provider.createdAt, settings: { enabled: false, jitProvisioning: true } });
    expect(updated.provider.updatedAt > provider.updatedAt).toBe(true);
    expect((await w.ssoMust('listProviders')).providers).toEqual([updated.provider]);
  });

  test('a removed provider is gone, and removing or updating it again is NOT_FOUND', async () => {
    const { provider } = await w.ssoMust('addProvider', { settings: samlProvider });

    expect(await w.ssoMust('removeProvider', { id: provider.id })).toEqual({ removed: provider.id });

    expect((await w.ssoMust('listProviders')).providers).toEqual([]);
    expect(await w.sso('removeProvider', { id: provider.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.sso('updateProvider', { id: provider.id, settings: samlProvider })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('two providers cannot claim the same domain', async () => {
    await w.ssoMust('addProvider', { settings: samlProvider });

    const clash = await w.sso('addProvider', { settings: { ...oidcProvider, domains: ['contractors.example.com', 'corp.example.com'] } });

    expect(clash).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'The domain corp.example.com already signs in through "Corporate SAML".' } });
    expect((await w.ssoMust('listProviders')).providers).toHaveLength(1);
  });

  test('settings that break the schema are INVALID_INPUT naming the field, without echoing the value, and nothing is stored', async () => {
    const result = await w.sso('addProvider', { settings: { ...samlProvider, ssoUrl: 'http://idp.corp.example.com/sso', signingCertificate: 'not-a-pem-secret-value' } });

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('settings.ssoUrl');
    expect(message).toContain('settings.signingCertificate');
    expect(message).not.toContain('not-a-pem-secret-value');
    expect(await w.ssoStorage()).toEqual([]);
  });
});

describe('login settings', () => {
  test('read the defaults until an admin saves, then what was saved', async () => {
    expect(await w.ssoMust('getLoginSettings')).toEqual({ settings: { mfaEnforced: false, twoStepEnforced: false, sessionLengthHours: 8, breakGlassAccountIds: [] } });

    await w.ssoMust('saveLoginSettings', { settings: strictSettings });

    expect(await w.ssoMust('getLoginSettings')).toEqual({ settings: strictSettings });
  });

  test('a session longer than thirty days is refused', async () => {
    const result = await w.sso('saveLoginSettings', { settings: { ...strictSettings, sessionLengthHours: 721 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the app’s own resolvers are admin-only', () => {
  const validPayloads = (providerId: string): Record<(typeof ssoResolverNames)[number], unknown> => ({
    listProviders: {},
    addProvider: { settings: oidcProvider },
    updateProvider: { id: providerId, settings: { ...samlProvider, enabled: false } },
    removeProvider: { id: providerId },
    getLoginSettings: {},
    saveLoginSettings: { settings: strictSettings },
    testSignIn: { attempt: attemptFor(providerId, samlProvider, 'a@corp.example.com', new Date()) }
  });

  test.each(['jira', 'confluence'] as const)('in %s a member gets NOT_ADMIN from every one, and the stored data does not change', async (product) => {
    // The app is installed in each product separately, with its own storage: set it up in this one.
    await w.close();
    w = await createSsoWorld({ product });
    const { provider } = await w.ssoMust('addProvider', { settings: samlProvider });
    const before = await w.ssoStorage();
    const payloads = validPayloads(provider.id);

    for (const name of ssoResolverNames) {
      const result = await w.sso(name, payloads[name], { accountId: w.member, product });
      expect({ name, result }).toMatchObject({ name, result: { ok: false, error: { code: 'NOT_ADMIN' } } });
    }

    expect(await w.ssoStorage()).toEqual(before);
  });

  test('the same payloads succeed for the admin, so the refusal is about the caller', async () => {
    const { provider } = await w.ssoMust('addProvider', { settings: samlProvider });
    const payloads = validPayloads(provider.id);
    for (const name of ssoResolverNames.filter((n) => n !== 'removeProvider')) {
      const result = await w.sso(name, payloads[name]);
      expect({ name, ok: result.ok }).toEqual({ name, ok: true });
    }
  });

  test('an admin demoted on the site is refused on the very next call', async () => {
    await w.ssoMust('addProvider', { settings: samlProvider });
    w.platform.users.set(w.admin, { admin: false });

    expect(await w.sso('listProviders')).toMatchObject({ ok: false, error: { code: 'NOT_ADMIN' } });
  });
});
