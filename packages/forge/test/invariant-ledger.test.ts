import { kvs } from '@forge/kvs';
import fc from 'fast-check';
import { consentStateSchema, initialConsent, type ConsentState } from '@usage-reporting/core';
import { ledgerEntrySchema, type LedgerEntry } from '@usage-reporting/core';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { storageKey } from '../src/store/kvs-store';
import { resolverFunctionKey, type ResolverName } from '@usage-reporting/core/api';

/**
 * The ledger is complete: replaying its recorded changes from the initial consent gives exactly the
 * consent in force, after any sequence of consent actions by two admins, with storage failures and
 * functions dying mid-action. A change is never in effect without its entry, nor recorded without
 * taking effect.
 */
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const NUM_RUNS = inCi ? 300 : 40;
const START = Date.parse('2026-11-29T09:00:00.000Z');

type Action =
  | { kind: 'setConsent'; mode: 'per-case' | 'automatic' | 'off'; cadence?: 'weekly' | 'monthly' }
  | { kind: 'acceptFormat'; version: number }
  | { kind: 'setRestrictions'; categories: Array<'configuration' | 'usage'>; fields: string[]; purposes: Array<'product-improvement' | 'troubleshooting'> }
  | { kind: 'withdraw' }
  | { kind: 'failKvs'; path: string }
  | { kind: 'killAfterWrites'; writes: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record(
    { kind: fc.constant('setConsent' as const), mode: fc.constantFrom('per-case' as const, 'automatic' as const, 'off' as const), cadence: fc.constantFrom('weekly' as const, 'monthly' as const) },
    { requiredKeys: ['kind', 'mode'] }
  ),
  fc.record({ kind: fc.constant('acceptFormat' as const), version: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant('setRestrictions' as const),
    categories: fc.subarray(['configuration', 'usage'] as const).map((c) => [...c]),
    fields: fc.subarray(['site.projects', 'usage.reportsSent', 'app.licence']).map((f) => [...f]),
    purposes: fc.subarray(['product-improvement', 'troubleshooting'] as const, { minLength: 1 }).map((p) => [...p])
  }),
  fc.constant({ kind: 'withdraw' as const }),
  fc.record({ kind: fc.constant('failKvs' as const), path: fc.constantFrom('/api/v1/transaction', '/api/v1/get', '/api/v1/set', '/api/v1/query') }),
  fc.record({ kind: fc.constant('killAfterWrites' as const), writes: fc.integer({ min: 1, max: 3 }) })
);

beforeAll(() => {
  jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'], now: START });
});
afterAll(() => jest.useRealTimers());

function replay(entries: readonly LedgerEntry[]): Pick<ConsentState, 'mode' | 'cadence' | 'acceptedFormat' | 'restrictions'> {
  const state = { mode: initialConsent.mode, cadence: initialConsent.cadence, acceptedFormat: initialConsent.acceptedFormat, restrictions: { ...initialConsent.restrictions } };
  for (const e of [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    for (const c of e.changes) {
      if (c.path === 'mode') state.mode = c.to as ConsentState['mode'];
      else if (c.path === 'cadence') state.cadence = c.to as ConsentState['cadence'];
      else if (c.path === 'acceptedFormat') state.acceptedFormat = c.to as number;
      else if (c.path === 'restrictions.categories') state.restrictions.categories = c.to as ConsentState['restrictions']['categories'];
      else if (c.path === 'restrictions.fields') state.restrictions.fields = c.to as string[];
      else if (c.path === 'restrictions.purposes') state.restrictions.purposes = c.to as ConsentState['restrictions']['purposes'];
    }
  }
  return state;
}

async function stored(platform: SimPlatform): Promise<{ consent: ConsentState; ledger: LedgerEntry[] }> {
  return platform.runAsInvocation({ functionKey: 'scheduled' }, async () => {
    const raw: unknown = await kvs.get(storageKey('consent'));
    const ledger = (await kvs.query().where('key', { condition: 'BEGINS_WITH', values: [storageKey('ledger:')] }).limit(100).getMany()).results.map((r) => ledgerEntrySchema.parse(r.value));
    return { consent: raw === undefined ? initialConsent : consentStateSchema.parse(raw), ledger };
  });
}

test(`replaying the ledger gives the consent in force (${NUM_RUNS} random sequences with faults)`, async () => {
  const silence = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(action, fc.boolean()), { minLength: 1, maxLength: 20 }), async (steps) => {
        jest.setSystemTime(START);
        const platform = createReferencePlatform();
        const second = '712020:0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';
        platform.users.set(second, { admin: true });
        try {
          for (const [a, bySecondAdmin] of steps) {
            jest.setSystemTime(Date.now() + 1000);
            const as = { accountId: bySecondAdmin ? second : platform.users.admin };
            const call = (name: ResolverName, payload: unknown) => platform.invokeResolver(resolverFunctionKey(name), payload, as).catch(() => undefined);
            if (a.kind === 'failKvs') platform.faults.failKvs({ path: a.path });
            else if (a.kind === 'killAfterWrites') platform.faults.killInvocation({ afterKvsWrites: a.writes });
            else {
              if (a.kind === 'setConsent') await call('setConsent', a.cadence ? { mode: a.mode, cadence: a.cadence } : { mode: a.mode });
              if (a.kind === 'acceptFormat') await call('acceptFormat', { version: a.version });
              if (a.kind === 'setRestrictions') await call('setRestrictions', { restrictions: { categories: a.categories, fields: a.fields, purposes: a.purposes } });
              if (a.kind === 'withdraw') await call('withdraw', { alsoRequestVendorDeletion: false });
              platform.faults.clear();
              const { consent, ledger } = await stored(platform);
              expect(replay(ledger)).toEqual({ mode: consent.mode, cadence: consent.cadence, acceptedFormat: consent.acceptedFormat, restrictions: consent.restrictions });
              expect(consent.revision).toBe(ledger.filter((e) => e.changes.length > 0).length);
              for (const e of ledger) expect([platform.users.admin, second]).toContain(e.accountId);
            }
          }
        } finally {
          platform.close();
        }
      }),
      { numRuns: NUM_RUNS }
    );
  } finally {
    silence.mockRestore();
  }
}, 120_000);
