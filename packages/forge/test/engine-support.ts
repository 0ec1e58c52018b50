import { buildCollectorApp, type CollectorApp } from '@usage-reporting/collector';
import { SqliteStore } from '@usage-reporting/collector';
import type { StoredReport } from '@usage-reporting/collector';
import { envelopeSchema, type Envelope } from '@usage-reporting/core/api';
import { resolverContract, type ResolverName, type ResolverOutput } from '@usage-reporting/core/api';
import { metricCatalog } from '@usage-reporting/core';
import type { ConsentState, Restrictions } from '@usage-reporting/core';
import { type SimPlatform, type SimPlatformOptions } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { acceptFormat, setConsent, setRestrictions, withdraw, type Transition } from '@usage-reporting/core';
import { registeredResolverNames } from '../src/resolvers/registry';
import { appendLedger, ensureInstallation, loadConsent, saveConsent } from '../src/store/repositories';
import { resolverFunctionKey } from '@usage-reporting/core/api';

/**
 * An engine test world: the sim platform running the app, the real collector (its Fastify app over
 * an in-memory SQLite store) listening on loopback as the manifest's analytics origin, and a clock
 * the test moves. Only Date is faked, so sockets and timeouts still run in real time.
 */
export const COLLECTOR_ORIGIN = 'https://collector.usage-reporting.example.com';
export const START = '2026-11-29T09:00:00.000Z';

const realTimers = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout'
] as const;

export interface World {
  platform: SimPlatform;
  collector: CollectorApp;
  store: SqliteStore;
  admin: string;
  /** Calls a resolver as the site admin and parses the envelope with the contract's output schema. */
  call<N extends ResolverName>(name: N, payload?: unknown): Promise<Envelope<ResolverOutput<N>>>;
  /** Like call, but fails the test unless the result is ok. */
  must<N extends ResolverName>(name: N, payload?: unknown): Promise<ResolverOutput<N>>;
  scheduled(): Promise<unknown>;
  advance(ms: number): void;
  /** What the collector stored, oldest first. */
  received(): Promise<StoredReport[]>;
  consent: ConsentHelpers;
  close(): Promise<void>;
}

export interface ConsentHelpers {
  set(mode: 'per-case' | 'automatic' | 'off', cadence?: 'weekly' | 'monthly'): Promise<void>;
  restrict(restrictions: Restrictions): Promise<void>;
  accept(version: number): Promise<void>;
  /** Stores a consent as an earlier app version left it (e.g. accepted format 1), as data. */
  storeAsLeftBy(state: ConsentState): Promise<void>;
}

export async function createWorld(options: Omit<SimPlatformOptions, 'egressTargets'> = {}): Promise<World> {
  jest.useFakeTimers({ doNotFake: [...realTimers], now: new Date(START), advanceTimers: true });
  const store = new SqliteStore(':memory:');
  const collector = buildCollectorApp({ store, ingestRateLimit: { capacity: 1000, perHour: 10_000 } });
  await collector.app.listen({ port: 0, host: '127.0.0.1' });
  const address = collector.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const platform = createReferencePlatform({
    ...options,
    egressTargets: { [COLLECTOR_ORIGIN]: `http://127.0.0.1:${port}` },
    // What the vendor sets with `forge variables set`: the collector's receipts verify against it.
    variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: collector.context.answerSigner.publicKey, ...options.variables }
  });
  const admin = platform.users.admin;

  async function call<N extends ResolverName>(name: N, payload: unknown = {}): Promise<Envelope<ResolverOutput<N>>> {
    const raw = await platform.invokeResolver(resolverFunctionKey(name), payload, { accountId: admin });
    return envelopeSchema(resolverContract[name].output).parse(raw) as Envelope<ResolverOutput<N>>;
  }
  async function must<N extends ResolverName>(name: N, payload: unknown = {}): Promise<ResolverOutput<N>> {
    const result = await call(name, payload);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.data;
  }

  // Consent goes through its resolvers once they are registered; until then through the same pure
  // transitions those resolvers apply, committed inside an invocation.
  const transition = async (resolver: ResolverName, payload: unknown, pure: (state: ConsentState) => Transition) => {
    if (registeredResolverNames.includes(resolver)) {
      await must(resolver, payload);
      return;
    }
    await platform.runAsInvocation({ functionKey: 'resolver', accountId: admin }, async () => {
      const t = pure(await loadConsent());
      if (!t.changed) return;
      await saveConsent(t.state);
      await appendLedger(t.ledger);
    });
  };
  const actor = () => ({ accountId: admin, now: new Date() });
  const consent: ConsentHelpers = {
    set: (mode, cadence) =>
      mode === 'off'
        ? transition('withdraw', { alsoRequestVendorDeletion: false }, (s) => withdraw(s, actor()))
        : transition('setConsent', cadence ? { mode, cadence } : { mode }, (s) => setConsent(s, { mode, cadence }, actor(), metricCatalog)),
    restrict: (restrictions) => transition('setRestrictions', { restrictions }, (s) => setRestrictions(s, restrictions, actor())),
    accept: (version) => transition('acceptFormat', { version }, (s) => acceptFormat(s, version, actor(), metricCatalog)),
    storeAsLeftBy: (state) => platform.runAsInvocation({ functionKey: 'resolver', accountId: admin }, () => saveConsent(state))
  };

  return {
    platform,
    collector,
    store,
    admin,
    call,
    must,
    scheduled: () => platform.runScheduledTrigger(),
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    received: async () => {
      const installation = await platform.runAsInvocation({ functionKey: 'scheduled' }, () => ensureInstallation(new Date()));
      return (await store.reportsOf(installation.installationId)).sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1));
    },
    consent,
    close: async () => {
      platform.close();
      await collector.app.close();
      await store.close();
      jest.useRealTimers();
    }
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
