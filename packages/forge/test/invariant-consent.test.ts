import fc from 'fast-check';
import { SqliteStore } from '@usage-reporting/collector';
import { buildCollectorApp, type CollectorApp } from '@usage-reporting/collector';
import { ingestPath } from '@usage-reporting/core/collector-api';
import { sha256Hex } from '@usage-reporting/core/node';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { readAppState, uncovered, type Transmission } from './invariant-support';
import { storageKey } from '../src/store/kvs-store';
import { resolverFunctionKey, type ResolverName } from '@usage-reporting/core/api';

/**
 * THE invariant: no transmission without a consent that covers its bytes, format version, categories
 * and purposes; nothing after withdrawal; nothing in not-asked or off. Random sequences of admin
 * actions, scheduled runs and injected faults (KVS errors, egress timeouts and 5xx, a function dying
 * mid-send) run against the app in sim/, sending to the real collector on loopback. Every POST of a
 * report that leaves the sandbox is captured and checked against the app's state at that moment.
 */
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const NUM_RUNS = Number(process.env.INVARIANT_RUNS ?? (inCi ? 1000 : 60));
const COLLECTOR_ORIGIN = 'https://collector.usage-reporting.example.com';
const START = Date.parse('2026-11-29T09:00:00.000Z');
const HOUR = 3_600_000;

type Action =
  | { kind: 'preview' }
  | { kind: 'send'; tamper: boolean; stale: boolean }
  | { kind: 'previewThenSend' }
  | { kind: 'doubleSend' }
  | { kind: 'erase' }
  | { kind: 'requestVendorDeletion' }
  | { kind: 'setConsent'; mode: 'per-case' | 'automatic' | 'off'; cadence?: 'weekly' | 'monthly' }
  | { kind: 'acceptFormat'; version: number }
  | { kind: 'setRestrictions'; categories: Array<'configuration' | 'usage'>; fields: string[]; purposes: Array<'product-improvement' | 'troubleshooting'> }
  | { kind: 'withdraw'; alsoRequestVendorDeletion: boolean }
  | { kind: 'olderAppConsent' }
  | { kind: 'scheduled' }
  | { kind: 'advance'; hours: number }
  | { kind: 'failKvs'; times: number; path?: string }
  | { kind: 'failEgress'; status: 500 | 502 | 503 | 429; times: number }
  | { kind: 'timeoutEgress' }
  | { kind: 'killAfterEgress' }
  | { kind: 'killAfterWrites'; writes: number };

const purposeSet = fc.subarray(['product-improvement', 'troubleshooting'] as const, { minLength: 1 }).map((p) => [...p]);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'preview' as const }) },
  { weight: 5, arbitrary: fc.constant({ kind: 'previewThenSend' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), tamper: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), stale: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record(
      { kind: fc.constant('setConsent' as const), mode: fc.constantFrom('per-case' as const, 'automatic' as const, 'per-case' as const, 'automatic' as const, 'off' as const), cadence: fc.constantFrom('weekly' as const, 'monthly' as const) },
      { requiredKeys: ['kind', 'mode'] }
    )
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('acceptFormat' as const), version: fc.integer({ min: 1, max: 3 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('setRestrictions' as const),
      categories: fc.subarray(['configuration', 'usage'] as const).map((c) => [...c]),
      fields: fc.subarray(['site.projects', 'usage.reportsSent', 'site.customFields', 'app.licence']).map((f) => [...f]),
      purposes: purposeSet
    })
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), alsoRequestVendorDeletion: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'olderAppConsent' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'doubleSend' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'erase' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'requestVendorDeletion' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'scheduled' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.constantFrom(1, 6, 24, 24 * 8, 24 * 32) }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { kind: fc.constant('failKvs' as const), times: fc.integer({ min: 1, max: 3 }), path: fc.constantFrom('/api/v1/set', '/api/v1/get', '/api/v1/transaction', '/api/v1/query') },
      { requiredKeys: ['kind', 'times'] }
    )
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('failEgress' as const), status: fc.constantFrom(500 as const, 502 as const, 503 as const, 429 as const), times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'timeoutEgress' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'killAfterEgress' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('killAfterWrites' as const), writes: fc.integer({ min: 1, max: 4 }) }) }
);

let store: SqliteStore;
let collector: CollectorApp;
let collectorBase: string;
beforeAll(async () => {
  jest.useFakeTimers({ doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'], now: START });
  store = new SqliteStore(':memory:');
  collector = buildCollectorApp({ store, ingestRateLimit: { capacity: 100_000, perHour: 1_000_000 }, rightsRateLimit: { capacity: 100_000, perHour: 1_000_000 } });
  await collector.app.listen({ port: 0, host: '127.0.0.1' });
  const address = collector.app.server.address();
  collectorBase = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(async () => {
  await collector.app.close();
  await store.close();
  jest.useRealTimers();
});

/** The platform under test, with every report POST that leaves the sandbox captured. */
function platformWithCapture(): { platform: SimPlatform; transmissions: Transmission[] } {
  // A short function time limit keeps egress timeouts (the transport aborts 3 s before it) cheap.
  const platform = createReferencePlatform({ egressTargets: { [COLLECTOR_ORIGIN]: collectorBase }, functionTimeoutMs: 3_600 });
  const transmissions: Transmission[] = [];
  const inner = platform.egress;
  Object.assign(platform, {
    egress: {
      ...inner,
      retarget: inner.retarget.bind(inner),
      setAnalyticsEgressAllowed: inner.setAnalyticsEgressAllowed.bind(inner),
      fetch(input: string | URL | Request, init?: RequestInit) {
        const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
        if (url.pathname === ingestPath && typeof init?.body === 'string') {
          const reportId = (JSON.parse(init.body) as { reportId: string }).reportId;
          transmissions.push({ reportId, body: init.body });
        }
        return inner.fetch(input, init);
      }
    }
  });
  return { platform, transmissions };
}

async function run(platform: SimPlatform, a: Action, drafts: Array<{ draftId: string; digest: string }>): Promise<void> {
  const as = { accountId: platform.users.admin };
  const call = (name: ResolverName, payload: unknown) => platform.invokeResolver(resolverFunctionKey(name), payload, as);
  switch (a.kind) {
    case 'preview': {
      const res = (await call('preview', {})) as { ok: boolean; data?: { draftId: string; digest: string } };
      if (res.ok && res.data) drafts.push({ draftId: res.data.draftId, digest: res.data.digest });
      return;
    }
    case 'previewThenSend': {
      await run(platform, { kind: 'preview' }, drafts);
      await run(platform, { kind: 'send', tamper: false, stale: false }, drafts);
      return;
    }
    case 'doubleSend': {
      // Two admins clicking send on the same preview at once.
      await run(platform, { kind: 'preview' }, drafts);
      const draft = drafts.at(-1);
      if (!draft) return;
      await Promise.all([call('sendReport', draft), call('sendReport', draft)]);
      return;
    }
    case 'erase':
      await call('eraseData', { confirm: 'ERASE' });
      return;
    case 'requestVendorDeletion':
      await call('requestVendorDeletion', {});
      return;
    case 'send': {
      const draft = a.stale ? drafts[0] : drafts.at(-1);
      if (!draft) return;
      await call('sendReport', { draftId: draft.draftId, digest: a.tamper ? draft.digest.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) : draft.digest });
      return;
    }
    case 'setConsent':
      await call('setConsent', a.cadence ? { mode: a.mode, cadence: a.cadence } : { mode: a.mode });
      return;
    case 'acceptFormat':
      await call('acceptFormat', { version: a.version });
      return;
    case 'setRestrictions':
      await call('setRestrictions', { restrictions: { categories: a.categories, fields: a.fields, purposes: a.purposes } });
      return;
    case 'withdraw':
      await call('withdraw', { alsoRequestVendorDeletion: a.alsoRequestVendorDeletion });
      return;
    case 'olderAppConsent': {
      // An older app version left automatic consent to format 1: format-2 fields must stay out.
      const { kvs } = await import('@forge/kvs');
      await platform.runAsInvocation({ functionKey: 'scheduled' }, () =>
        kvs.set(storageKey('consent'), {
          mode: 'automatic',
          cadence: 'weekly',
          acceptedFormat: 1,
          restrictions: { categories: [], fields: [], purposes: ['product-improvement', 'troubleshooting'] },
          revision: 99,
          changedAt: null
        })
      );
      return;
    }
    case 'scheduled':
      await platform.runScheduledTrigger();
      return;
    case 'advance':
      jest.setSystemTime(Date.now() + a.hours * HOUR);
      return;
    case 'failKvs':
      platform.faults.failKvs({ times: a.times, ...(a.path ? { path: a.path } : {}) });
      return;
    case 'failEgress':
      platform.faults.failEgress({ status: a.status, times: a.times });
      return;
    case 'timeoutEgress':
      platform.faults.timeoutEgress();
      return;
    case 'killAfterEgress':
      platform.faults.killInvocation({ afterEgressDelivered: true });
      return;
    case 'killAfterWrites':
      platform.faults.killInvocation({ afterKvsWrites: a.writes });
      return;
  }
}

/** Once the collector acknowledged a deletion, it holds no raw report of this installation that it received before. */
async function expectVendorEmptyOnceAcknowledged(platform: SimPlatform): Promise<void> {
  const { kvs } = await import('@forge/kvs');
  const [deletion, installation] = await platform.runAsInvocation({ functionKey: 'scheduled' }, () =>
    Promise.all([
      kvs.get<{ status: string; acknowledgement: { acknowledgedAt: string } | null }>(storageKey('vendor:deletion')),
      kvs.get<{ installationId: string }>(storageKey('installation'))
    ])
  );
  const acknowledgedAt = deletion?.status === 'acknowledged' ? deletion.acknowledgement?.acknowledgedAt : undefined;
  if (!acknowledgedAt || !installation) return;
  // Reports sent after an earlier acknowledgement (sharing turned on again) are legitimately there.
  const left = (await store.reportsOf(installation.installationId)).filter((r) => r.receivedAt <= acknowledgedAt);
  if (left.length > 0) throw new Error(`the collector still holds ${left.length} report(s) after acknowledging the deletion ${acknowledgedAt}: ${left.map((r) => r.receivedAt).join(",")}`);
  acknowledgedDeletions += 1;
}
let acknowledgedDeletions = 0;

const isFault = (a: Action) => a.kind.startsWith('fail') || a.kind.startsWith('kill') || a.kind === 'timeoutEgress';

describe('the invariant checker itself', () => {
  const report = (fields: Record<string, unknown>, purposes = ['product-improvement', 'troubleshooting']) =>
    JSON.stringify({ format: 'usage-report/2', reportId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d', fields, purposes });
  const consent = {
    mode: 'automatic' as const,
    cadence: 'weekly' as const,
    acceptedFormat: 2,
    restrictions: { categories: [], fields: [], purposes: ['product-improvement' as const, 'troubleshooting' as const] },
    revision: 1,
    changedAt: null
  };
  const auto = new Map([['r', 'automatic' as const]]);

  test('accepts an automatic report within automatic consent', () => {
    expect(uncovered({ reportId: 'r', body: report({ 'site.projects': '11-50' }) }, { consent, ledger: [], triggers: auto })).toBeNull();
  });
  test.each([
    ['sharing off', { ...consent, mode: 'off' as const }, report({ 'site.projects': '11-50' }), /sharing was 'off'/],
    ['not asked', { ...consent, mode: 'not-asked' as const }, report({}), /not-asked/],
    ['format not accepted', { ...consent, acceptedFormat: 1 }, report({ 'site.customFields': '1-10' }), /not accepted/],
    ['category excluded', { ...consent, restrictions: { ...consent.restrictions, categories: ['usage' as const] } }, report({ 'usage.reportsSent': 1 }), /category usage/],
    ['purpose narrowed', { ...consent, restrictions: { ...consent.restrictions, purposes: ['troubleshooting' as const] } }, report({}, ['product-improvement']), /purpose/],
    ['automatic report in per-case mode', { ...consent, mode: 'per-case' as const }, report({}), /outside automatic/]
  ])('flags %s', (_name, state, body, why) => {
    expect(uncovered({ reportId: 'r', body }, { consent: state, ledger: [], triggers: auto })).toMatch(why);
  });
  test('a per-case report needs a ledger entry with the digest of exactly its bytes', () => {
    const body = report({ 'site.projects': '11-50' });
    const perCase = new Map([['r', 'per-case' as const]]);
    const entry = (digest: string) => ({ id: 'x', at: '2026-11-29T09:00:00.000Z', accountId: null, action: 'send-per-case' as const, changes: [], formatVersion: 2, digest });
    const state = { ...consent, mode: 'per-case' as const };
    expect(uncovered({ reportId: 'r', body }, { consent: state, ledger: [entry(sha256Hex(body))], triggers: perCase })).toBeNull();
    expect(uncovered({ reportId: 'r', body }, { consent: state, ledger: [entry(sha256Hex(`${body} `))], triggers: perCase })).toMatch(/no admin consented/);
  });
});

test(`every transmission is covered by the consent in force (${NUM_RUNS} random sequences with faults)`, async () => {
  const silence = [jest.spyOn(console, 'error').mockImplementation(() => undefined), jest.spyOn(console, 'warn').mockImplementation(() => undefined)];
  let transmitted = 0;
  try {
    await fc.assert(
      // Most sequences start from a consent that allows sending, so sends are common enough to test.
      fc.asyncProperty(fc.option(fc.constantFrom<Action>({ kind: 'setConsent', mode: 'per-case' }, { kind: 'setConsent', mode: 'automatic', cadence: 'weekly' }), { freq: 4 }), fc.array(action, { minLength: 4, maxLength: 24 }), async (start, rest) => {
        const actions = start ? [start, ...rest] : rest;
        jest.setSystemTime(START);
        const { platform, transmissions } = platformWithCapture();
        const drafts: Array<{ draftId: string; digest: string }> = [];
        try {
          for (const a of actions) {
            const before = transmissions.length;
            // Admin actions are seconds apart, so what happened first also has the earlier timestamp.
            jest.setSystemTime(Date.now() + 1000);
            // Faults arm for the next action; anything else runs, and may fail as the fault intends.
            await run(platform, a, drafts).catch(() => undefined);
            if (isFault(a)) continue;
            platform.faults.clear();
            if ((a.kind === 'withdraw' && a.alsoRequestVendorDeletion) || a.kind === 'requestVendorDeletion') await expectVendorEmptyOnceAcknowledged(platform);
            const sent = transmissions.slice(before);
            if (sent.length === 0) continue;
            if (!['send', 'previewThenSend', 'doubleSend', 'scheduled'].includes(a.kind)) throw new Error(`'${a.kind}' transmitted a report`);
            const state = await readAppState(platform);
            for (const t of sent) {
              const why = uncovered(t, state);
              if (why) throw new Error(`after ${JSON.stringify(a)}: ${why}`);
            }
            transmitted += sent.length;
          }
        } finally {
          platform.close();
        }
      }),
      // INVARIANT_SEED / INVARIANT_PATH replay a failure fast-check reported.
      { numRuns: NUM_RUNS, ...(process.env.INVARIANT_SEED ? { seed: Number(process.env.INVARIANT_SEED), path: process.env.INVARIANT_PATH } : {}) }
    );
  } finally {
    silence.forEach((s) => s.mockRestore());
  }
  // Not vacuous: the sequences did send reports.
  if (process.env.INVARIANT_VERBOSE) console.log(`${transmitted} transmissions checked over ${NUM_RUNS} sequences; ${acknowledgedDeletions} acknowledged deletions left the collector empty`);
  expect(transmitted).toBeGreaterThan(NUM_RUNS / 4);
}, Math.max(60_000, NUM_RUNS * 1_500));
