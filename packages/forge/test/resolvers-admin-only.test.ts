import { resolverContract } from '@usage-reporting/core/api';
import { registeredResolverNames, resolverRegistry } from '../src/resolvers/registry';
import { COLLECTOR_ORIGIN, createWorld, type World } from './engine-support';
import { kvsSnapshot, validPayloads } from './resolvers-support';
import { resolverFunctionKey } from '@usage-reporting/core/api';

// Through the app's Forge bundle (.forge-build/): the access check that ships is the one tested.
let w: World;
beforeEach(async () => {
  w = await createWorld({ app: 'bundle' });
});
afterEach(async () => {
  await w.close();
});

/** A site where the app has been used: consent given, a report sent, a vendor key established. */
async function usedSite(): Promise<void> {
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  await w.must('restrictVendorProcessing', { restrictedPurposes: [] });
}

describe('every registered resolver refuses a non-admin', () => {
  test('the valid payloads used here are valid, so the refusal is about the caller and not the input', () => {
    for (const name of registeredResolverNames) {
      expect({ name, valid: resolverContract[name].input.safeParse(validPayloads[name]).success }).toEqual({ name, valid: true });
    }
  });

  test('with a valid payload, on a site in use: NOT_ADMIN, nothing stored changes, nothing leaves the site', async () => {
    await usedSite();
    const adminOnly = registeredResolverNames.filter((n) => resolverRegistry[n].answersNonAdmins !== true);
    expect(adminOnly.length).toBe(registeredResolverNames.length - 1);
    const before = await kvsSnapshot(w.platform);
    const received = await w.received();
    const egressBefore = w.platform.counters.snapshot().egress[COLLECTOR_ORIGIN] ?? 0;

    for (const name of adminOnly) {
      const result = await w.platform.invokeResolver(resolverFunctionKey(name), validPayloads[name], { accountId: w.platform.users.member });
      expect({ name, result }).toMatchObject({ name, result: { ok: false, error: { code: 'NOT_ADMIN' } } });
    }

    expect(await kvsSnapshot(w.platform)).toBe(before);
    expect(w.platform.counters.snapshot().egress[COLLECTOR_ORIGIN] ?? 0).toBe(egressBefore);
    expect(await w.received()).toEqual(received);
  });

  test('an admin demoted on the site is refused on the very next call, even for erase', async () => {
    await usedSite();
    const before = await kvsSnapshot(w.platform);
    w.platform.users.set(w.admin, { admin: false });
    expect(await w.call('eraseData', { confirm: 'ERASE' })).toMatchObject({ ok: false, error: { code: 'NOT_ADMIN' } });
    expect(await kvsSnapshot(w.platform)).toBe(before);
  });
});
