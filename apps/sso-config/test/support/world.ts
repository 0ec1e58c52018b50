import path from 'node:path';
import { kvs } from '@forge/kvs';
import { buildCollectorApp, SqliteStore, type CollectorApp, type StoredReport } from '@usage-reporting/collector';
import { envelopeSchema, resolverContract, type Envelope, type Product, type ResolverInput, type ResolverName, type ResolverOutput } from '@usage-reporting/core/api';
import { createSimPlatform, type SimPlatform } from '@usage-reporting/forge-sim';
import { ssoResolverContract, type SsoResolverName, type SsoResolverOutput } from '../../src/contract/resolvers';
import { ssoCatalog } from '../../src/usage/catalog';
import { toolkitFunctionKey } from './toolkit-resolvers';

/**
 * The SSO Config app on the simulated Forge platform, from its own manifest and its Forge bundle
 * (what `forge deploy` would upload; a suite builds it first with buildSsoBundleIfStale), with the
 * real collector (over an in-memory SQLite store, with this app's catalog). SSO Config delivers by
 * hand-over files (manual delivery: its manifest declares no egress), so the app never reaches the
 * collector: `handOver` plays the admin carrying a file to the collector's upload endpoint and back.
 * The app is given the collector's public key as the vendor sets it (a Forge variable). Every request
 * the collector handles is kept as it arrived. Only Date is faked, so sockets and timeouts run in
 * real time while a test moves the calendar.
 */
export const APP_DIR = path.join(__dirname, '..', '..');
export const START = '2026-11-29T09:00:00.000Z';
export const DAY = 24 * 3_600_000;

const realTimers = [
  'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame',
  'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'
] as const;

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: string;
  body: string;
}

export interface As {
  accountId?: string;
  product?: Product;
}

export interface SsoWorld {
  platform: SimPlatform;
  collector: CollectorApp;
  store: SqliteStore;
  admin: string;
  member: string;
  /** Every request the collector received, in order, as it arrived. */
  requests: ReceivedRequest[];
  /** One of the app's own resolvers, as the site admin unless `as` says otherwise, parsed with its contract. */
  sso<N extends SsoResolverName>(name: N, payload?: unknown, as?: As): Promise<Envelope<SsoResolverOutput<N>>>;
  /** Like sso, but fails the test unless the answer is ok. */
  ssoMust<N extends SsoResolverName>(name: N, payload?: unknown): Promise<SsoResolverOutput<N>>;
  /** One of the toolkit's resolvers inside this app, parsed with the toolkit's contract. */
  toolkit<N extends ResolverName>(name: N, payload?: unknown, as?: As): Promise<Envelope<ResolverOutput<N>>>;
  toolkitMust<N extends ResolverName>(name: N, payload?: unknown): Promise<ResolverOutput<N>>;
  scheduled(): Promise<unknown>;
  advance(ms: number): void;
  /**
   * The admin's errand: uploads a hand-over file's text on the collector's upload endpoint (POST
   * /upload) and returns what the collector answers (status, and the signed answer file's text).
   */
  handOver(fileText: string): Promise<{ status: number; answerText: string | null; body: unknown }>;
  /**
   * A previewed report delivered by hand, end to end: handOverReport, the upload, and the receipt
   * pasted back (acceptCollectorAnswer). Returns the history entry, now acknowledged by the vendor.
   */
  deliverByHand(draft: { draftId: string; digest: string }): Promise<ResolverOutput<'acceptCollectorAnswer'>>;
  /** A rights request file (export, delete, restrict) made, uploaded, and its answer pasted back. */
  rightsByHand(input: ResolverInput<'prepareRightsRequest'>): Promise<ResolverOutput<'acceptCollectorAnswer'>>;
  /** The reports the collector holds for this installation, oldest first. */
  received(installationId: string): Promise<StoredReport[]>;
  /** The app's own stored data (every `sso:` key and its value), read with @forge/kvs as the app would. */
  ssoStorage(): Promise<Array<[string, unknown]>>;
  close(): Promise<void>;
}

export async function createSsoWorld(options: { product?: Product } = {}): Promise<SsoWorld> {
  jest.useFakeTimers({ doNotFake: [...realTimers], now: new Date(START), advanceTimers: true });
  const store = new SqliteStore(':memory:');
  const collector = buildCollectorApp({ store, catalog: ssoCatalog, ingestRateLimit: { capacity: 1000, perHour: 10_000 } });
  const requests: ReceivedRequest[] = [];
  collector.app.addHook('preHandler', async (request) => {
    requests.push({ method: request.method, url: request.url, headers: JSON.stringify(request.headers), body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null) });
  });
  // Not listening: nothing on the site may reach it. The admin's uploads go in through `inject`.
  const platform = createSimPlatform({
    appDir: APP_DIR,
    app: 'bundle',
    product: options.product,
    variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: collector.context.answerSigner.publicKey }
  });
  const admin = platform.users.admin;
  const invokeAs = (as: As) => ({ accountId: as.accountId ?? admin, product: as.product });

  async function sso<N extends SsoResolverName>(name: N, payload: unknown = {}, as: As = {}): Promise<Envelope<SsoResolverOutput<N>>> {
    const raw = await platform.invokeResolver(name, payload, invokeAs(as));
    return envelopeSchema(ssoResolverContract[name].output).parse(raw) as Envelope<SsoResolverOutput<N>>;
  }
  async function toolkit<N extends ResolverName>(name: N, payload: unknown = {}, as: As = {}): Promise<Envelope<ResolverOutput<N>>> {
    const raw = await platform.invokeResolver(toolkitFunctionKey(name), payload, invokeAs(as));
    return envelopeSchema(resolverContract[name].output).parse(raw) as Envelope<ResolverOutput<N>>;
  }
  const must = <T>(name: string, result: Envelope<T>): T => {
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.data;
  };

  const handOver: SsoWorld['handOver'] = async (fileText) => {
    const res = await collector.app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'application/json' }, payload: fileText });
    const body: unknown = res.json();
    const answerText = typeof body === 'object' && body !== null && typeof Reflect.get(body, 'answerText') === 'string' ? String(Reflect.get(body, 'answerText')) : null;
    return { status: res.statusCode, answerText, body };
  };
  const carry = async (fileText: string) => {
    const answered = await handOver(fileText);
    if (answered.answerText === null) throw new Error(`the collector refused the file (${answered.status}): ${JSON.stringify(answered.body)}`);
    return must('acceptCollectorAnswer', await toolkit('acceptCollectorAnswer', { text: answered.answerText }));
  };

  return {
    platform,
    collector,
    handOver,
    deliverByHand: async (draft) => carry((await must('handOverReport', await toolkit('handOverReport', { draftId: draft.draftId, digest: draft.digest }))).text),
    rightsByHand: async (input) => carry((await must('prepareRightsRequest', await toolkit('prepareRightsRequest', input))).text),
    store,
    admin,
    member: platform.users.member,
    requests,
    sso,
    ssoMust: async (name, payload) => must(name, await sso(name, payload)),
    toolkit,
    toolkitMust: async (name, payload) => must(name, await toolkit(name, payload)),
    scheduled: () => platform.runScheduledTrigger(),
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    received: async (installationId) => (await store.reportsOf(installationId)).sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1)),
    ssoStorage: () =>
      platform.runAsInvocation({ functionKey: 'resolver', accountId: admin }, async () => {
        const entries: Array<[string, unknown]> = [];
        let cursor: string | undefined;
        do {
          let query = kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['sso:'] }).limit(100);
          if (cursor) query = query.cursor(cursor);
          const page = await query.getMany<unknown>();
          for (const r of page.results) entries.push([r.key, r.value]);
          cursor = page.nextCursor;
        } while (cursor);
        return entries;
      }),
    close: async () => {
      const violations = platform.egressViolations.map((v) => v.url);
      platform.close();
      await collector.app.close();
      await store.close();
      jest.useRealTimers();
      // Manual delivery is zero egress: any attempt, however the app handled its error, fails the suite.
      if (violations.length > 0) throw new Error(`SSO Config attempted egress: ${violations.join(', ')}`);
    }
  };
}
