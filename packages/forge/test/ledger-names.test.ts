import { envelopeSchema, resolverContract, resolverFunctionKey, type Envelope, type Product, type ResolverOutput } from '@usage-reporting/core/api';
import type { ProductRequest } from '@usage-reporting/forge-sim';
import { appendLedger } from '../src/store/repositories';
import { createWorld, type World } from './engine-support';
import { kvsSnapshot } from './resolvers-support';

/**
 * getLedgerNames: the consent ledger's account ids with the names the product shows the admin
 * looking, asked as that admin, for the page only.
 */
let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  jest.restoreAllMocks();
  await w.close();
});

const SECOND_ADMIN = '712020:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const NEVER_ON_SITE = '712020:00000000-0000-4000-8000-0000000000aa';

/** A resolver call as `accountId`, in `product`, parsed with the contract. */
async function callAs<N extends 'getLedgerNames' | 'setConsent' | 'getLedger'>(name: N, accountId: string, product: Product, payload: unknown = {}): Promise<Envelope<ResolverOutput<N>>> {
  const raw = await w.platform.invokeResolver(resolverFunctionKey(name), payload, { accountId, product });
  // The schema of `name` parsed it; TypeScript cannot follow the lookup for a generic N (engine-support does the same).
  return envelopeSchema(resolverContract[name].output).parse(raw) as Envelope<ResolverOutput<N>>;
}

/** Every product request the site answers from now on. */
function recordProductRequests(): ProductRequest[] {
  const seen: ProductRequest[] = [];
  const handle = w.platform.site.handle.bind(w.platform.site);
  jest.spyOn(w.platform.site, 'handle').mockImplementation((request) => {
    seen.push(request);
    return handle(request);
  });
  return seen;
}

describe.each<Product>(['jira', 'confluence'])('in %s', (product) => {
  test('each account in the ledger comes back with its name, looked up as the admin viewing the page', async () => {
    w.platform.users.set(SECOND_ADMIN, { admin: true });
    await callAs('setConsent', w.admin, product, { mode: 'per-case' });
    await callAs('setConsent', SECOND_ADMIN, product, { mode: 'automatic', cadence: 'weekly' });

    const requests = recordProductRequests();
    const names = await callAs('getLedgerNames', w.admin, product);
    expect(names).toEqual({
      ok: true,
      data: {
        accounts: [
          { accountId: w.admin, status: 'active', displayName: 'Site Admin' },
          { accountId: SECOND_ADMIN, status: 'active', displayName: w.platform.users.displayName(SECOND_ADMIN) }
        ]
      }
    });
    const lookups = requests.filter((r) => r.path.includes('/user/bulk'));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ remote: product, provider: 'user', accountId: w.admin, method: 'GET' });
  });

  test('an account the site does not know is unknown, a closed one says so, and an anonymised entry is not looked up', async () => {
    w.platform.users.set(SECOND_ADMIN, { admin: true });
    await callAs('setConsent', SECOND_ADMIN, product, { mode: 'per-case' });
    await w.platform.runAsInvocation({ functionKey: 'resolver', accountId: w.admin, product }, () =>
      appendLedger([
        { at: new Date().toISOString(), accountId: NEVER_ON_SITE, action: 'set-retention', changes: [], formatVersion: 2 },
        { at: new Date().toISOString(), accountId: null, action: 'set-retention', changes: [], formatVersion: 2 }
      ])
    );
    w.platform.site.personalData.close(SECOND_ADMIN);

    const names = await callAs('getLedgerNames', w.admin, product);
    if (!names.ok) throw new Error(names.error.message);
    // Jira marks a closed account inactive, as it does a deactivated one; Confluence says closed.
    expect(names.data.accounts).toEqual([
      { accountId: SECOND_ADMIN, status: product === 'jira' ? 'inactive' : 'closed', displayName: 'Former user' },
      { accountId: NEVER_ON_SITE, status: 'unknown', displayName: null }
    ]);
  });

  test('an empty ledger asks the product nothing', async () => {
    const requests = recordProductRequests();
    expect(await callAs('getLedgerNames', w.admin, product)).toEqual({ ok: true, data: { accounts: [] } });
    expect(requests.filter((r) => r.path.includes('/user/bulk'))).toEqual([]);
  });

  test('when the product does not answer, the names fail as a value and the ledger still loads', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await callAs('setConsent', w.admin, product, { mode: 'per-case' });
    const handle = w.platform.site.handle.bind(w.platform.site);
    jest.spyOn(w.platform.site, 'handle').mockImplementation((request) =>
      request.path.includes('/user/bulk') ? Promise.resolve({ status: 503, body: { message: 'down' } }) : handle(request)
    );
    const names = await callAs('getLedgerNames', w.admin, product);
    expect(names).toEqual({ ok: false, error: { code: 'TRANSPORT', message: expect.stringContaining('answered 503') } });
    const ledger = await callAs('getLedger', w.admin, product);
    expect(ledger.ok && ledger.data.entries.map((e) => e.accountId)).toEqual([w.admin]);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('answered 503 to the name lookup'));
  });
});

test('many accounts are looked up 50 to a request, so the query string stays short', async () => {
  const ids = Array.from({ length: 60 }, (_, i) => `712020:bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`);
  ids.forEach((id) => w.platform.users.set(id, { admin: false }));
  await w.platform.runAsInvocation({ functionKey: 'resolver', accountId: w.admin, product: 'jira' }, () =>
    appendLedger(ids.map((id, i) => ({ at: new Date(Date.parse('2026-11-01T00:00:00Z') + i).toISOString(), accountId: id, action: 'set-retention' as const, changes: [], formatVersion: 2 })))
  );
  const requests = recordProductRequests();
  const names = await callAs('getLedgerNames', w.admin, 'jira');
  if (!names.ok) throw new Error(names.error.message);
  expect(names.data.accounts.map((a) => a.accountId)).toEqual(ids);
  expect(names.data.accounts.every((a) => a.status === 'active' && a.displayName === w.platform.users.displayName(a.accountId))).toBe(true);
  expect(requests.filter((r) => r.path.includes('/user/bulk')).length).toBe(2);
});

test('names are shown, never kept: after viewing them, neither the KVS nor any report nor the collector holds one', async () => {
  w.platform.users.set(SECOND_ADMIN, { admin: true });
  await callAs('setConsent', SECOND_ADMIN, 'jira', { mode: 'per-case' });
  const names = await callAs('getLedgerNames', w.admin, 'jira');
  if (!names.ok) throw new Error(names.error.message);
  const shown = names.data.accounts.map((a) => a.displayName).filter((n): n is string => n !== null);
  expect(shown).toEqual([w.platform.users.displayName(SECOND_ADMIN)]);
  // The viewing admin's own name too: the lookup ran as them.
  const anyName = [...shown, w.platform.users.displayName(w.admin)];

  const draft = await w.must('preview');
  const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  expect(sent.outcome).toBe('sent');
  const stored = await kvsSnapshot(w.platform);
  const received = (await w.received()).map((r) => r.bytes).join('\n');
  expect(received).not.toBe('');
  for (const name of anyName) {
    expect(stored).not.toContain(name);
    expect(draft.text).not.toContain(name);
    expect(received).not.toContain(name);
  }
});
