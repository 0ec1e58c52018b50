import { buildCollectorApp } from '../../collector/app';
import { SqliteStore } from '../../collector/store/sqlite-store';
import type { CollectorStore } from '../../collector/store/store';
import { makeReport, manualClock, sendReport, testCollector, uuid4, type TestCollector } from './support';

const withoutTimestamp = (html: string) => html.replace(/Generated [^.<]+\./, 'Generated <t>.');

describe('the vendor dashboard', () => {
  let c: TestCollector;
  let ids: string[];
  beforeEach(async () => {
    c = testCollector();
    ids = [];
    for (let i = 0; i < 6; i++) {
      const report = makeReport();
      ids.push(report.installationId, report.reportId);
      expect((await sendReport(c, report)).status).toBe(201);
    }
  });
  afterEach(async () => {
    await c.close();
  });
  const dashboard = async () => c.app.inject({ method: 'GET', url: '/dashboard' });

  it('shows nothing of raw reports that have not been folded into aggregates', async () => {
    const res = await dashboard();
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No aggregates yet');
    expect(res.body).toContain('points=""');
    expect(res.body).not.toContain('<code>app.licence</code>');
  });

  it('charts adoption and field distributions from the aggregates, with no id of any installation or report', async () => {
    await c.runRetention();
    const res = await dashboard();
    expect(res.body).toContain('Installations reporting per day, by purpose');
    expect(res.body).toContain('<code>app.licence</code>');
    expect(res.body).toMatch(/<td>active<\/td><td>6<\/td>/);
    for (const id of ids) expect(res.body).not.toContain(id);
  });

  it('keeps showing the same figures after the raw reports are deleted at the end of retention', async () => {
    await c.runRetention();
    const before = (await dashboard()).body;
    c.clock.advanceDays(731);
    expect((await c.runRetention()).deletedReports).toBe(6);
    expect(withoutTimestamp((await dashboard()).body)).toBe(withoutTimestamp(before));
  });

  it('is read-only: no method but GET reaches it, and it runs no script', async () => {
    await c.runRetention();
    const aggregates = await c.store.aggregates();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const res = await c.app.inject({ method, url: '/dashboard', headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(res.statusCode).toBe(404);
    }
    expect(await c.store.aggregates()).toEqual(aggregates);
    const res = await dashboard();
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).not.toMatch(/<script/i);
  });
});

describe('what the dashboard reads', () => {
  it('asks the store for aggregates and nothing else', async () => {
    const sqlite = new SqliteStore(':memory:');
    const calls: string[] = [];
    // Every store method the dashboard route calls is recorded; raw-report methods must not appear.
    const recording = new Proxy(sqlite, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
    }) as CollectorStore;
    const { app } = buildCollectorApp({ store: recording, now: manualClock().now });
    try {
      await sqlite.insertReport({ reportId: uuid4(), receiptId: uuid4(), installationId: uuid4(), receivedAt: '2026-11-29T05:00:00.000Z', digest: '0'.repeat(64), bytes: '{}' });
      calls.length = 0;
      expect((await app.inject({ method: 'GET', url: '/dashboard' })).statusCode).toBe(200);
      expect(calls).toEqual(['aggregates']);
    } finally {
      await app.close();
      await sqlite.close();
    }
  });
});
