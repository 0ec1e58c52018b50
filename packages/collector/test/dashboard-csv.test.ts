import Fastify, { type FastifyInstance } from 'fastify';
import { metricCatalog } from '@usage-reporting/core';
import { populationField } from '../src/aggregate/fold-day';
import { defaultK } from '../src/aggregate/retention';
import { aggregatesCsv, csvCell } from '../src/dashboard/csv';
import { registerDashboard } from '../src/http/dashboard';
import { SqliteStore } from '../src/store/sqlite-store';
import type { AggregateCell } from '../src/store/store';

/** The dashboard's CSV export: what a vendor loads into a spreadsheet or a BI tool. */
const token = 'vendor-dashboard-token-0123456789';
const asVendor = { authorization: `Bearer ${token}` };

let app: FastifyInstance;
let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore(':memory:');
  app = Fastify();
  registerDashboard(app, { store, catalog: metricCatalog, k: defaultK, now: () => new Date('2026-11-29T05:00:00.000Z') }, token);
});
afterEach(async () => {
  await app.close();
  await store.close();
});

const cell = (day: string, field: string, value: unknown, installations: number): AggregateCell => ({
  day,
  purpose: 'product-improvement',
  field,
  value: JSON.stringify(value),
  installations
});

async function publish(day: string, cells: AggregateCell[]): Promise<void> {
  await store.replaceDayAggregates({ day, generation: 0 }, [cell(day, populationField, 'reporting', 40), ...cells]);
}

const get = (url: string, headers: Record<string, string> = asVendor) => app.inject({ method: 'GET', url, headers });

describe('the CSV export of one metric', () => {
  test('downloads the published cells of the range, one row per day, purpose and value, as a named attachment', async () => {
    await publish('2026-11-27', [cell('2026-11-27', 'app.licence', 'active', 30), cell('2026-11-27', 'app.licence', 'inactive', 10)]);
    await publish('2026-11-28', [cell('2026-11-28', 'app.licence', 'active', 31)]);
    await publish('2026-11-20', [cell('2026-11-20', 'app.licence', 'active', 29)]);

    const res = await get('/dashboard?metric=app.licence&from=2026-11-27&to=2026-11-28&format=csv');

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="usage-app.licence-2026-11-27-to-2026-11-28.csv"');
    expect(res.body.split('\r\n')).toEqual([
      'day,purpose,field,value,value_json,installations',
      '2026-11-27,product-improvement,app.licence,active,"""active""",30',
      '2026-11-27,product-improvement,app.licence,inactive,"""inactive""",10',
      '2026-11-28,product-improvement,app.licence,active,"""active""",31',
      ''
    ]);
  });

  test('holds no other field, no raw report and no installation: only what the page shows', async () => {
    await publish('2026-11-28', [cell('2026-11-28', 'app.licence', 'active', 31), cell('2026-11-28', 'site.product', 'jira', 40)]);
    const res = await get('/dashboard?metric=app.licence&from=2026-11-28&to=2026-11-28&format=csv');
    expect(res.body).not.toContain('site.product');
    expect(res.body).not.toContain(populationField);
  });

  test('needs the dashboard credential, like the page', async () => {
    const res = await get('/dashboard?metric=app.licence&format=csv', {});
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('day,purpose');
  });

  test('a CSV of the index, or of an unknown format, is a clear 400', async () => {
    expect((await get('/dashboard?format=csv')).body).toBe('Bad dashboard query: format=csv exports one metric; add metric=<key>.\n');
    const odd = await get('/dashboard?metric=app.licence&format=xlsx');
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('format');
  });

  test('the metric page links to the CSV of the range it shows', async () => {
    await publish('2026-11-28', [cell('2026-11-28', 'app.licence', 'active', 31)]);
    const page = await get('/dashboard?metric=app.licence&from=2026-11-01&to=2026-11-28');
    expect(page.body).toContain('href="/dashboard?metric=app.licence&amp;from=2026-11-01&amp;to=2026-11-28&amp;format=csv" download');
  });
});

describe('CSV cells', () => {
  test('quote commas, quotes and line breaks, and defuse what a spreadsheet would run as a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-3')).toBe('-3');
  });

  test('booleans and numbers read as themselves, and their JSON keeps them apart from labels', () => {
    const csv = aggregatesCsv([cell('2026-11-28', 'config.x', true, 12), cell('2026-11-28', 'config.y', 3, 9)]);
    expect(csv).toContain('2026-11-28,product-improvement,config.x,true,true,12');
    expect(csv).toContain('2026-11-28,product-improvement,config.y,3,3,9');
  });
});
