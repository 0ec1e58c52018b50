import { randomBytes, randomUUID } from 'node:crypto';
import { metricCatalog, type Catalog } from '@usage-reporting/core';
import type { Receipt } from '@usage-reporting/core/collector-api';
import { correctionRequest, reportRequest, rightsRequest, type CollectorHttpRequest, type RightsAction } from '@usage-reporting/core/node';
import { signCollectorRequest } from '@usage-reporting/core/node';
import { generateInstallationKeyPair, installationIdOf, type InstallationKeyPair } from '@usage-reporting/core/node';
import { endorseNextKey, type KeyChain } from '@usage-reporting/core/node';
import { ingestPath } from '@usage-reporting/core/collector-api';
import { canonicalJson } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import { buildCollectorApp, type CollectorApp, type CollectorAppOptions } from '../src/app';
import { SqliteStore } from '../src/store/sqlite-store';
import type { CollectorStore, StoredReport } from '../src/store/store';
import type { Engine, StoreUnderTest, TableReader } from './support/engines';

/** A stored report's row for tests of a store on its own: fresh ids, a digest and a body that only need to be there. */
export const storedReport = (fields: Pick<StoredReport, 'installationId' | 'receivedAt'> & Partial<StoredReport>): StoredReport => ({
  reportId: randomUUID(),
  receiptId: randomUUID(),
  digest: 'd'.repeat(64),
  bytes: '{}',
  ...fields
});

/** A clock the test moves by hand: the collector never sleeps, the test never waits. */
export function manualClock(start = '2026-11-29T05:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advanceDays: (days: number) => {
      t += days * 24 * 60 * 60 * 1000;
    },
    advanceMs: (ms: number) => {
      t += ms;
    },
    set: (iso: string) => {
      t = new Date(iso).getTime();
    }
  };
}

/** A version-4 uuid, as the app generates report ids. */
export const uuid4 = (): string => randomUUID();

/** An installation as the app holds it: its current key pair, its id (certified by the genesis key) and its key chain. */
export interface Installation {
  key: InstallationKeyPair;
  installationId: string;
  chain: KeyChain;
}

/**
 * Every installation a test made, by id, as first made: lets `sendReport(c, report)` sign as the
 * installation the report names, as the app would, without each test threading keys through.
 */
const made = new Map<string, Installation>();

export function makeInstallation(): Installation {
  const key = generateInstallationKeyPair();
  const who = { key, installationId: installationIdOf(key.publicKey), chain: { genesisPublicKey: key.publicKey, links: [] } };
  made.set(who.installationId, who);
  return who;
}

const installationNamedIn = (body: string): Installation | undefined => {
  try {
    const id: unknown = (JSON.parse(body) as { installationId?: unknown } | null)?.installationId;
    return typeof id === 'string' ? made.get(id) : undefined;
  } catch {
    return undefined;
  }
};

/** The same installation after a key rotation: a fresh key, endorsed by the current one, appended to the chain. */
export function rotated(who: Installation, rotatedAt: Date): Installation {
  const key = generateInstallationKeyPair();
  const link = endorseNextKey({ installationId: who.installationId, current: who.key, nextPublicKey: key.publicKey, rotatedAt });
  return { key, installationId: who.installationId, chain: { genesisPublicKey: who.chain.genesisPublicKey, links: [...who.chain.links, link] } };
}

/** The id of a new installation (a v8 uuid its genesis key certifies), for tests that need only ids. */
export const newInstallationId = (): string => makeInstallation().installationId;

export const freshNonce = (): string => randomBytes(16).toString('base64url');

/** A valid format-1 report from a new installation; `fields` replaces the default field set when given. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    fields: { 'app.licence': 'active', 'site.product': 'jira', 'site.projects': '11-50', 'config.consentMode': 'automatic', 'app.versionMajor': 3 },
    format: 'usage-report/1',
    generatedAt: '2026-11-29T04:00:00.000Z',
    installationId: overrides.installationId ?? makeInstallation().installationId,
    period: { from: '2026-11-22', to: '2026-11-28' },
    purposes: ['product-improvement', 'troubleshooting'],
    reportId: uuid4(),
    withheld: [],
    ...overrides
  };
}

export const bytesOf = (report: unknown): string => canonicalJson(report);

/** A collector app over a store of either engine, with the clock the test moves; what every helper here takes. */
export interface CollectorUnderTest extends CollectorApp {
  store: CollectorStore;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

/** One on the SQLite engine, its store's file open to the test (`store.db`). */
export interface TestCollector extends CollectorUnderTest {
  store: SqliteStore;
}

type CollectorOptions = Partial<Omit<CollectorAppOptions, 'store' | 'now'>> & { catalog?: Catalog };

export function testCollector(options: CollectorOptions = {}): TestCollector {
  const clock = manualClock();
  const store = new SqliteStore(':memory:');
  const built = buildCollectorApp({ store, now: clock.now, catalog: options.catalog ?? metricCatalog, ...options });
  return {
    ...built,
    store,
    clock,
    close: async () => {
      await built.app.close();
      await store.close();
    }
  };
}

/** A collector on a fresh store of `engine` (support/engines.ts); `tables` reads the store's raw rows. */
export interface EngineCollector extends CollectorUnderTest {
  tables: TableReader;
  /** The engine's bulk load (not part of the port). */
  bulkInsert: StoreUnderTest['bulkInsert'];
}

export async function collectorOn(engine: Engine, options: CollectorOptions = {}): Promise<EngineCollector> {
  const clock = manualClock();
  const opened = await engine.openStore();
  const built = buildCollectorApp({ store: opened.store, now: clock.now, catalog: options.catalog ?? metricCatalog, ...options });
  return {
    ...built,
    store: opened.store,
    tables: opened.tables,
    bulkInsert: opened.bulkInsert,
    clock,
    close: async () => {
      await built.app.close();
      await opened.close();
    }
  };
}

/**
 * POSTs `body` as a report, signed the way the app signs (any headers given are sent too, and may
 * replace content-type). Signed as `signer`, else as the installation the body names, else as a new one.
 */
export async function postReport(c: CollectorUnderTest, body: string, headers: Record<string, string> = {}, signer?: Installation) {
  const who = signer ?? installationNamedIn(body) ?? makeInstallation();
  const signature = await signCollectorRequest({ key: who.key, installationId: who.installationId, method: 'POST', path: ingestPath, body, now: c.clock.now(), nonce: freshNonce() });
  return c.app.inject({ method: 'POST', url: ingestPath, payload: body, headers: { 'content-type': 'application/json', ...headers, ...signature } });
}

/** Sends a report the way the app does (client.ts reportRequest): canonical bytes, idempotency key = reportId, signed. */
export async function sendReport(c: CollectorUnderTest, report: Report, signer?: Installation) {
  const who = signer ?? made.get(report.installationId);
  if (!who) throw new Error('sendReport: the report names an installation this test did not make; pass the signer');
  const req = await reportRequest({ key: who.key, installationId: who.installationId, now: c.clock.now(), nonce: freshNonce(), reportText: bytesOf(report), reportId: report.reportId });
  const res = await c.app.inject({ method: req.method, url: req.path, headers: req.headers, payload: req.body });
  return { status: res.statusCode, receipt: res.json<Receipt>(), res, req };
}

/** Sends a rights request the way the app does (client.ts rightsRequest), optionally moved to another installation's path. */
export async function rights(c: CollectorUnderTest, who: Installation, action: RightsAction, opts: { nonce?: string; targetInstallationId?: string } = {}) {
  const req = await rightsRequest({ key: who.key, installationId: who.installationId, action, now: c.clock.now(), nonce: opts.nonce ?? freshNonce() });
  const url = opts.targetInstallationId ? req.path.replace(who.installationId, opts.targetInstallationId) : req.path;
  const res = await c.app.inject({ method: req.method, url, headers: req.headers, ...(req.body === '' ? {} : { payload: req.body }) });
  return { res, req };
}

/** Sends a correction the way the app does (client.ts correctionRequest): `report`'s canonical bytes, replacing `supersedes`. */
export async function sendCorrection(c: CollectorUnderTest, who: Installation, report: Report, supersedes: string) {
  const req = await correctionRequest({ key: who.key, installationId: who.installationId, now: c.clock.now(), nonce: freshNonce(), reportText: bytesOf(report), reportId: report.reportId, supersedes });
  const res = await c.app.inject({ method: req.method, url: req.path, headers: req.headers, payload: req.body });
  return { status: res.statusCode, res, req };
}

/** A request signed by `who` for any method and path, as a client that builds its own paths would. */
export async function signedInjectAs(c: CollectorUnderTest, who: Installation, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body = '', headers: Record<string, string> = {}) {
  const signature = await signCollectorRequest({ key: who.key, installationId: who.installationId, method, path, body, now: c.clock.now(), nonce: freshNonce() });
  return c.app.inject({ method, url: path, headers: { ...(body === '' ? {} : { 'content-type': 'application/json' }), ...headers, ...signature }, ...(body === '' ? {} : { payload: body }) });
}

/** Replays a request exactly as it was built (same headers, same bytes). */
export const resend = (c: CollectorUnderTest, req: CollectorHttpRequest) =>
  c.app.inject({ method: req.method, url: req.path, headers: req.headers, ...(req.body === '' ? {} : { payload: req.body }) });
