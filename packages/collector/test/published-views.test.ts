import { aggregatesCsv, csvCell, csvHeader } from '../src/dashboard/csv';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { SqliteStore } from '../src/store/sqlite-store';
import type { CollectorStore } from '../src/store/store';
import { collectorOn, makeInstallation, makeReport, sendReport, type EngineCollector } from './support';
import { storeEngines } from './support/engines';

/**
 * The SQL views a vendor's BI tool reads (migration 0002, docs/COLLECTOR.md "SQL views"): the cells the
 * dashboard publishes, in the shape of its CSV export, and nothing that names an installation or holds
 * a report. The reader role that may see only them is tested in reader-role.test.ts.
 */
const k = 3;
const columnsOf = {
  published_cells: ['day', 'purpose', 'field', 'value', 'value_json', 'installations'],
  published_population: ['day', 'purpose', 'installations'],
  published_shares: ['day', 'purpose', 'field', 'value', 'value_json', 'installations', 'population', 'share']
};
const views = Object.keys(columnsOf) as Array<keyof typeof columnsOf>;

/** Rows as plain values on both engines: node-postgres hands a date column over as a local-midnight Date. */
const plain = (row: unknown): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row as Record<string, unknown>).map(([key, v]) => [
      key,
      v instanceof Date ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}` : v
    ])
  );

async function query(store: CollectorStore, sql: string): Promise<Array<Record<string, unknown>>> {
  if (store instanceof SqliteStore) return store.db.prepare(sql).all().map(plain);
  if (store instanceof PostgresStore) return (await store.pool.query(sql)).rows.map(plain);
  throw new Error('a store of neither engine');
}

/** What a view reads directly, tables and views, from the engine's own record of it. */
async function readBy(store: CollectorStore, view: string): Promise<string[]> {
  if (store instanceof SqliteStore) {
    // SQLite keeps no dependency list; the view's own SQL names what it reads.
    const sql = String(store.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?").pluck().get(view));
    const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name <> ?").pluck().all(view).map(String);
    return names.filter((t) => new RegExp(`\\b${t}\\b`).test(sql));
  }
  const rows = await query(store, `SELECT DISTINCT table_name FROM information_schema.view_table_usage WHERE view_schema = current_schema() AND view_name = '${view}'`);
  return rows.map((r) => String(r.table_name));
}

/** The tables under a view, through any views it reads. */
async function tablesUnder(store: CollectorStore, view: string): Promise<string[]> {
  const direct = await readBy(store, view);
  const nested = await Promise.all(direct.map(async (name) => (views.includes(name as (typeof views)[number]) ? tablesUnder(store, name) : [name])));
  return [...new Set(nested.flat())].sort();
}

describe.each(storeEngines())('the published views, on $name', (engine) => {
  let c: EngineCollector;
  beforeAll(async () => {
    c = await collectorOn(engine, { k, minReportingDays: 1 });
    // Nine installations on one day. app.versionMajor: 3 for four, 4 for three, 5 for two. The 5s are
    // under k; hiding them alone would leave 2 = 9 - 4 - 3 to be worked out, so the 4s go too.
    const majors = [3, 3, 3, 3, 4, 4, 4, 5, 5];
    for (const major of majors) {
      const who = makeInstallation();
      const report = makeReport({ installationId: who.installationId, fields: { 'site.product': 'jira', 'app.versionMajor': major } });
      expect((await sendReport(c, report)).status).toBe(201);
    }
    await c.runRetention();
  });
  afterAll(() => c.close());

  it('have exactly these columns: none names an installation, a report, its digest or its bytes', async () => {
    for (const view of views) {
      const columns = await c.tables.columns(view);
      expect(columns).toEqual(columnsOf[view]);
      expect(columns.filter((name) => /installation_id|report|receipt|bytes|digest|nonce|key/.test(name))).toEqual([]);
    }
  });

  it('read the aggregates table alone, never raw reports or the rights tables', async () => {
    for (const view of views) expect(await tablesUnder(c.store, view)).toEqual(['aggregates']);
  });

  it('hold no cell under k, nor the cell that would let one be worked out', async () => {
    const cells = await query(c.store, "SELECT value_json, installations FROM published_cells WHERE field = 'app.versionMajor'");
    expect(cells).toEqual([{ value_json: '3', installations: 4 }]);
    const all = await query(c.store, 'SELECT installations FROM published_cells UNION ALL SELECT installations FROM published_shares');
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((r) => Number(r.installations) < k)).toEqual([]);
  });

  it('publish the very cells the dashboard CSV export serves, in its columns', async () => {
    const day = c.clock.now().toISOString().slice(0, 10);
    for (const field of ['$installations', 'site.product', 'app.versionMajor']) {
      const served = aggregatesCsv(await c.store.aggregatesFor({ field, fromDay: day, toDay: day }));
      const rows = await query(c.store, `SELECT ${csvHeader.join(', ')} FROM published_cells WHERE field = '${field}' ORDER BY day, purpose, value`);
      const fromView = [csvHeader, ...rows.map((r) => csvHeader.map((col) => String(r[col])))].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
      expect(fromView).toBe(served);
    }
    // A label reads without its JSON quotes; the exact JSON stays beside it.
    expect(await query(c.store, "SELECT value, value_json FROM published_cells WHERE field = 'site.product'")).toEqual([{ value: 'jira', value_json: '"jira"' }]);
  });

  it('give each purpose’s population, and each value’s share of it', async () => {
    const day = c.clock.now().toISOString().slice(0, 10);
    expect(await query(c.store, 'SELECT day, purpose, installations FROM published_population ORDER BY purpose')).toEqual([
      { day, purpose: 'product-improvement', installations: 9 },
      { day, purpose: 'troubleshooting', installations: 9 }
    ]);
    const shares = await query(c.store, "SELECT purpose, value, installations, population, share FROM published_shares WHERE field = 'app.versionMajor'");
    expect(shares).toEqual([{ purpose: 'troubleshooting', value: '3', installations: 4, population: 9, share: 4 / 9 }]);
  });
});
