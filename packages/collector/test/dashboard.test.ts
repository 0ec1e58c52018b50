import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { metricCatalog } from '@usage-reporting/core';
import { canonicalJson } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import { populationField } from '../src/aggregate/fold-day';
import { defaultK, defaultRetentionDays, runRetention } from '../src/aggregate/retention';
import { readCollectorEnv } from '../src/config';
import { registerDashboard } from '../src/http/dashboard';
import { SqliteStore } from '../src/store/sqlite-store';
import type { AggregateCell, CollectorStore } from '../src/store/store';
import { sqliteEngine, storeEngines, type Engine } from './support/engines';

/**
 * The vendor dashboard, driven through the app with `inject`. Aggregates are written through the
 * store (or folded from raw reports by the retention job), so these tests do not depend on how
 * ingest authenticates installations.
 */
const token = 'vendor-dashboard-token-0123456789';
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const asVendor = { authorization: `Bearer ${token}` };
const today = '2026-11-29';

interface Setup {
  app: FastifyInstance;
  store: CollectorStore;
  runRetention(): Promise<unknown>;
  get(url: string, headers?: Record<string, string>): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;
}

let open: Array<{ app: FastifyInstance; close(): Promise<void> }> = [];
/**
 * The dashboard route on its own Fastify instance, with the context it is given in the collector;
 * test/collector/dashboard-app.test.ts checks that buildCollectorApp wires it the same way.
 */
async function setup(engine: Engine, options: { dashboardToken?: string; store?: CollectorStore } = { dashboardToken: token }): Promise<Setup> {
  const opened = await engine.openStore();
  const { store } = opened;
  const context = { store: options.store ?? store, catalog: metricCatalog, k: defaultK, now: () => new Date(`${today}T05:00:00.000Z`) };
  const app = Fastify();
  registerDashboard(app, context, options.dashboardToken);
  app.get('/healthz', async () => ({ ok: true }));
  const s: Setup = {
    app,
    store,
    runRetention: () => runRetention({ ...context, now: context.now(), retentionDays: defaultRetentionDays }),
    get: (url, headers = asVendor) => app.inject({ method: 'GET', url, headers })
  };
  open.push({ app, close: () => opened.close() });
  return s;
}
afterEach(async () => {
  for (const s of open) {
    await s.app.close();
    await s.close();
  }
  open = [];
});

const cell = (day: string, field: string, value: unknown, installations: number): AggregateCell => ({
  day,
  purpose: 'product-improvement',
  field,
  value: JSON.stringify(value),
  installations
});
/** One day of published aggregates: 40 installations, app.licence split 30 active / 10 inactive. */
const dayOf = (day: string, active = 30): AggregateCell[] => [
  cell(day, populationField, 'reporting', 40),
  cell(day, 'app.licence', 'active', active),
  cell(day, 'app.licence', 'inactive', 40 - active)
];
async function writeDays(store: CollectorStore, days: readonly string[], active = (_day: string) => 30): Promise<void> {
  for (const day of days) await store.replaceDayAggregates({ day, generation: 0 }, dayOf(day, active(day)));
}

const engines = storeEngines();

// Who may open it is the credential's business, not the store's: one engine is enough.
describe('who may open the dashboard', () => {
  const engine = sqliteEngine;
  it('refuses every request while no credential is configured, saying how to set one; the rest of the collector serves', async () => {
    const s = await setup(engine, {});
    const res = await s.get('/dashboard', asVendor);
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('COLLECTOR_DASHBOARD_TOKEN');
    expect(res.body).toContain('openssl rand');
    expect((await s.get('/healthz', {})).statusCode).toBe(200);
  });

  it('answers 401 with a Basic challenge to a request without the token or with a wrong one', async () => {
    const s = await setup(engine);
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: basic('vendor', 'wrong') }, { authorization: `Bearer ${token}x` }]) {
      const res = await s.get('/dashboard', headers);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="Usage Reporting collector dashboard", charset="UTF-8"');
      expect(res.body).not.toContain('<h1>');
    }
  });

  it('serves the token as a bearer token, or as the Basic password under any user name', async () => {
    const s = await setup(engine);
    expect((await s.get('/dashboard', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await s.get('/dashboard', { authorization: basic('vendor', token) })).statusCode).toBe(200);
    expect((await s.get('/dashboard', { authorization: basic('', token) })).statusCode).toBe(200);
  });

  it('will not start with a token short enough to guess, from the environment or as an option', () => {
    const read = readCollectorEnv({ COLLECTOR_DASHBOARD_TOKEN: 'short' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/COLLECTOR_DASHBOARD_TOKEN: .*at least 16 characters/);
    expect(readCollectorEnv({ COLLECTOR_DASHBOARD_TOKEN: token })).toMatchObject({ ok: true, env: { COLLECTOR_DASHBOARD_TOKEN: token } });
    expect(() => registerDashboard(Fastify(), { store: new SqliteStore(':memory:'), catalog: metricCatalog, k: defaultK, now: () => new Date() }, 'short')).toThrow(
      /at least 16 characters/
    );
  });
});

describe.each(engines)('the index page, on $name', (engine) => {
  it('says so when nothing has been aggregated yet', async () => {
    const s = await setup(engine);
    const res = await s.get('/dashboard');
    expect(res.body).toContain('No aggregates yet');
    expect(res.body).toContain('points=""');
  });

  it("lists every catalog field with a link to its page and the newest day's published values", async () => {
    const s = await setup(engine);
    await writeDays(s.store, ['2026-11-26', '2026-11-27', '2026-11-28'], (d) => (d === '2026-11-28' ? 31 : 30));
    const res = await s.get('/dashboard');
    expect(res.statusCode).toBe(200);
    for (const entry of metricCatalog.entries) expect(res.body).toContain(`href="/dashboard?metric=${encodeURIComponent(entry.key)}"`);
    expect(res.body).toContain('active: 31, inactive: 9');
    expect(res.body).toContain('Aggregates held from 2026-11-26 to 2026-11-28.');
  });
});

describe.each(engines)('a metric page, on $name', (engine) => {
  const year = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2025, 9, 25 + i)).toISOString().slice(0, 10));

  it('shows one field over the last 90 held days by default, and pages earlier by the same length', async () => {
    const s = await setup(engine);
    await writeDays(s.store, year);
    const last = year.at(-1) ?? '';
    const res = await s.get('/dashboard?metric=app.licence');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`2026-08-31 to ${last} (90 days)`);
    // One bar per day in range: a grey background rect each.
    expect(res.body.match(/fill="#dcdfe4"\/>/g)).toHaveLength(90);
    expect(res.body).toContain('href="/dashboard?metric=app.licence&amp;from=2026-06-02&amp;to=2026-08-30"');
    expect(res.body).not.toContain('later 90 days');
  });

  it('shows only the chosen period, and the newest day in it as a table', async () => {
    const s = await setup(engine);
    await writeDays(s.store, year, (d) => (d === '2026-01-10' ? 25 : 30));
    const res = await s.get('/dashboard?metric=app.licence&from=2026-01-01&to=2026-01-10');
    expect(res.body).toContain('2026-01-01 to 2026-01-10 (10 days)');
    expect(res.body.match(/fill="#dcdfe4"\/>/g)).toHaveLength(10);
    expect(res.body).not.toContain('<title>2025-12-31');
    expect(res.body).not.toContain('<title>2026-01-11');
    expect(res.body).toContain('<caption>Installations on 2026-01-10, of 40 reporting</caption>');
    expect(res.body).toContain('<td>active</td><td>25</td>');
    expect(res.body).toContain('later 10 days');
  });

  it('draws a range longer than three months one bar per week, each the mean of its days', async () => {
    const s = await setup(engine);
    // The 400 days alternate 20 and 30 active installations, so every full week's mean is 25 or 26.
    await writeDays(s.store, year, (d) => (Number(d.slice(8)) % 2 === 0 ? 20 : 30));
    const res = await s.get(`/dashboard?metric=app.licence&from=${year[0] ?? ''}&to=${year.at(-1) ?? ''}`);
    expect(res.body).toContain('(400 days; each bar or point is the mean of a week, labelled by its first day)');
    expect(res.body.match(/fill="#dcdfe4"\/>/g)).toHaveLength(Math.ceil(400 / 7));
    const actives = [...res.body.matchAll(/&quot;active&quot;: (\d+) of 40/g)].map((m) => Number(m[1]));
    expect(actives).toHaveLength(Math.ceil(400 / 7));
    for (const n of actives.slice(0, -1)) expect([24, 25, 26]).toContain(n);
  });

  it('charts adoption as its own metric', async () => {
    const s = await setup(engine);
    await writeDays(s.store, ['2026-11-27', '2026-11-28']);
    const res = await s.get(`/dashboard?metric=${encodeURIComponent(populationField)}&from=2026-11-27&to=2026-11-28`);
    expect(res.body).toContain('Installations reporting per day, by purpose');
    expect(res.body).toMatch(/<polyline[^>]+points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
  });

  it.each([
    ['an unknown metric, without echoing it', '/dashboard?metric=%3Cscript%3E', /metric is not a field of the catalog/],
    ['a day that is not a day', '/dashboard?metric=app.licence&from=2026-02-30', /from: is not a calendar day/],
    ['a range that ends before it starts', '/dashboard?metric=app.licence&from=2026-03-02&to=2026-03-01', /from is after to/],
    ['a range longer than two years', '/dashboard?metric=app.licence&from=2024-01-01&to=2026-01-01', /at most 731 days/],
    ['a parameter it does not know', '/dashboard?metric=app.licence&limit=5', /Unrecognized key/i],
    ['a period without a metric', '/dashboard?from=2026-01-01', /add metric=<key>/]
  ])('answers 400 with a plain message to %s', async (_name, url, message) => {
    const s = await setup(engine);
    const res = await s.get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(message);
    expect(res.body).not.toContain('<script');
  });
});

describe.each(engines)('what the dashboard shows and reads, on $name', (engine) => {
  /** A valid report, as the retention job finds it in the store. */
  function rawReport(licence: string) {
    const id = randomUUID();
    const installationId = `${id.slice(0, 14)}8${id.slice(15)}`;
    const report = {
      fields: { 'app.licence': licence, 'site.product': 'jira' },
      format: 'usage-report/1',
      generatedAt: `${today}T04:00:00.000Z`,
      installationId,
      period: { from: '2026-11-22', to: '2026-11-28' },
      purposes: ['product-improvement'],
      reportId: randomUUID(),
      withheld: []
    };
    const bytes = canonicalJson(report);
    return { reportId: report.reportId, receiptId: randomUUID(), installationId, receivedAt: `${today}T05:00:00.000Z`, digest: sha256Hex(bytes), bytes };
  }

  it('shows folded aggregates only: suppressed cells stay suppressed, and no installation or report id appears', async () => {
    const s = await setup(engine);
    // 6 active, 5 inactive, 1 evaluation: evaluation is under k = 5, and inactive goes too, or 12 − 6 − 5 would reveal it.
    const reports = [...Array.from({ length: 6 }, () => rawReport('active')), ...Array.from({ length: 5 }, () => rawReport('inactive')), rawReport('evaluation')];
    for (const r of reports) await s.store.insertReport(r, { installationId: r.installationId, nonce: randomUUID(), forgetAt: `${today}T06:00:00.000Z` });
    await s.runRetention();
    const pages = [(await s.get('/dashboard')).body, (await s.get(`/dashboard?metric=app.licence&from=${today}&to=${today}`)).body];
    expect(pages[0]).toContain('active: 6');
    expect(pages[1]).toContain('<td>active</td><td>6</td>');
    for (const html of pages) {
      expect(html).not.toMatch(/>(evaluation|inactive)</);
      expect(html).not.toMatch(/(evaluation|inactive)(&quot;)?: \d/);
      for (const r of reports) {
        expect(html).not.toContain(r.installationId);
        expect(html).not.toContain(r.reportId);
      }
    }
  });

  it('is read-only, runs no script, and reads only bounded slices of the aggregates', async () => {
    const backing = await engine.openStore();
    const store = backing.store;
    await writeDays(store, ['2026-11-27', '2026-11-28']);
    const raw = rawReport('active');
    await store.insertReport(raw, { installationId: raw.installationId, nonce: randomUUID(), forgetAt: `${today}T06:00:00.000Z` });
    const calls: string[] = [];
    // Every store method a dashboard load calls is recorded; raw-report methods and the whole-table read must not appear.
    const recording = new Proxy(store, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return Reflect.apply(value, target, args);
        };
      }
    });
    const s = await setup(engine, { dashboardToken: token, store: recording });
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const res = await s.app.inject({ method, url: '/dashboard', headers: { ...asVendor, 'content-type': 'application/json' }, payload: '{}' });
      expect(res.statusCode).toBe(404);
    }
    calls.length = 0;
    const index = await s.get('/dashboard');
    const metric = await s.get('/dashboard?metric=app.licence');
    expect([index.statusCode, metric.statusCode]).toEqual([200, 200]);
    expect([...new Set(calls)].sort()).toEqual(['aggregateSpan', 'aggregatesFor', 'aggregatesOnDay']);
    for (const res of [index, metric]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).not.toMatch(/<script/i);
    }
    await backing.close();
  });
});
