import { randomBytes, randomUUID } from 'node:crypto';
import { metricCatalog, type Catalog } from '../../shared/catalog/catalog';
import type { Receipt } from '../../shared/collector-api/ingest';
import { rightsRequest, type RightsAction } from '../../shared/collector-api/client';
import { canonicalJson } from '../../shared/report/canonical-json';
import type { Report } from '../../shared/report/schema';
import { buildCollectorApp, type CollectorApp, type CollectorAppOptions } from '../../collector/app';
import { SqliteStore } from '../../collector/store/sqlite-store';

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

/** A version-4 uuid, as the app generates installation and report ids. */
export const uuid4 = (): string => randomUUID();

/** A valid format-1 report; `fields` replaces the default field set when given. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    fields: { 'app.licence': 'active', 'site.product': 'jira', 'site.projects': '11-50', 'config.consentMode': 'automatic', 'app.versionMajor': 3 },
    format: 'usage-report/1',
    generatedAt: '2026-11-29T04:00:00.000Z',
    installationId: uuid4(),
    period: { from: '2026-11-22', to: '2026-11-28' },
    purposes: ['product-improvement', 'troubleshooting'],
    reportId: uuid4(),
    withheld: [],
    ...overrides
  };
}

export const bytesOf = (report: unknown): string => canonicalJson(report);

export interface TestCollector extends CollectorApp {
  store: SqliteStore;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

export function testCollector(options: Partial<Omit<CollectorAppOptions, 'store' | 'now'>> & { catalog?: Catalog } = {}): TestCollector {
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

export async function postReport(c: CollectorApp, body: string, headers: Record<string, string> = {}) {
  return c.app.inject({ method: 'POST', url: '/v1/reports', payload: body, headers: { 'content-type': 'application/json', ...headers } });
}

/** Sends a report the way the app does: canonical bytes, idempotency key = reportId. */
export async function sendReport(c: CollectorApp, report: Report) {
  const res = await postReport(c, bytesOf(report), { 'idempotency-key': report.reportId });
  return { status: res.statusCode, receipt: res.json<Receipt>() };
}

/** An installation as the app holds it: its id and its 32-byte secret. */
export function makeInstallation() {
  return { installationId: uuid4(), secret: new Uint8Array(randomBytes(32)) };
}

export async function rights(
  c: TestCollector,
  who: { installationId: string; secret: Uint8Array },
  action: RightsAction,
  opts: { nonce?: string; targetInstallationId?: string } = {}
) {
  const req = rightsRequest({ secret: who.secret, installationId: who.installationId, action, now: c.clock.now(), nonce: opts.nonce ?? randomBytes(16).toString('base64url') });
  const url = opts.targetInstallationId ? req.path.replace(who.installationId, opts.targetInstallationId) : req.path;
  const res = await c.app.inject({ method: req.method, url, headers: req.headers, ...(req.body === '' ? {} : { payload: req.body }) });
  return { res, req };
}
