import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { serverUrl, TestDatabase } from './support/postgres';

/**
 * The read-only role of docs/COLLECTOR.md ("A read-only role for the BI tool"), made by running the
 * docs' own statements: it reads the published views and is refused every table, raw reports and
 * installation ids above all. Making a role needs CREATEROLE, which CI's test role has (.ci/run).
 */
const docs = readFileSync(join(__dirname, '../../../docs/COLLECTOR.md'), 'utf8');
const marker = '<!-- reader-role: run by packages/collector/test/reader-role.test.ts -->';

/** The docs' SQL block after the marker, one statement per entry, with the names this test uses. */
function documentedStatements(names: { role: string; database: string; schema: string }): string[] {
  const after = docs.slice(docs.indexOf(marker));
  const block = /```sql\n([\s\S]*?)```/.exec(after)?.[1];
  if (!docs.includes(marker) || block === undefined) throw new Error(`docs/COLLECTOR.md has no sql block after ${marker}`);
  const replaced = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`the documented statements no longer contain ${String(from)}`);
    return text.replace(from, to);
  };
  let sql = block.replace(/--.*$/gm, '');
  sql = replaced(sql, /\busage_reader\b/g, names.role);
  sql = replaced(sql, /DATABASE usage_reporting\b/g, `DATABASE ${names.database}`);
  sql = replaced(sql, /SCHEMA public\b/g, `SCHEMA ${names.schema}`);
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const database = new TestDatabase();
const role = `usage_reader_${process.pid}_${randomBytes(3).toString('hex')}`;
let store: PostgresStore;
let url: URL;
let reader: pg.Client;

beforeAll(async () => {
  url = new URL(await database.freshSchemaUrl());
  store = await PostgresStore.open({ connectionString: url.toString(), poolSize: 2 });
  const at = '2026-11-29T05:00:00.000Z';
  await store.insertReport(
    { reportId: 'report-1', receiptId: 'receipt-1', installationId: 'installation-1', receivedAt: at, digest: 'digest', bytes: '{"installationId":"installation-1"}' },
    { installationId: 'installation-1', nonce: 'nonce-1', forgetAt: at }
  );
  await store.replaceDayAggregates({ day: '2026-11-29', generation: 1 }, [
    { day: '2026-11-29', purpose: 'product-improvement', field: '$installations', value: '"reporting"', installations: 7 },
    { day: '2026-11-29', purpose: 'product-improvement', field: 'site.product', value: '"jira"', installations: 7 }
  ]);
  const schema = /search_path=(\w+)/.exec(url.searchParams.get('options') ?? '')?.[1] ?? '';
  for (const statement of documentedStatements({ role, database: url.pathname.slice(1), schema })) await store.pool.query(statement);

  const asReader = new URL(url);
  asReader.username = role;
  // The test server trusts loopback, so the documented password is not asked for.
  reader = new pg.Client({ connectionString: asReader.toString() });
  await reader.connect();
});

afterAll(async () => {
  await reader?.end();
  await store?.close();
  // The grants live in the database: dropping it leaves a role that holds nothing, which may then go.
  await database.drop();
  const server = new pg.Client({ connectionString: serverUrl() });
  await server.connect();
  await server.query(`DROP ROLE IF EXISTS ${role}`);
  await server.end();
});

describe('the documented read-only role', () => {
  it('logs in as itself and reads every published view', async () => {
    expect((await reader.query('SELECT current_user AS who')).rows).toEqual([{ who: role }]);
    expect((await reader.query("SELECT value, installations FROM published_cells WHERE field = 'site.product'")).rows).toEqual([{ value: 'jira', installations: 7 }]);
    expect((await reader.query('SELECT purpose, installations FROM published_population')).rows).toEqual([{ purpose: 'product-improvement', installations: 7 }]);
    expect((await reader.query('SELECT value, share FROM published_shares')).rows).toEqual([{ value: 'jira', share: 1 }]);
  });

  it('is refused the raw reports and every other table: permission denied', async () => {
    const tables = (await store.pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")).rows.map(
      (r: { table_name: string }) => r.table_name
    );
    // The partitioned parent and its month partitions alike.
    expect(tables).toEqual(expect.arrayContaining(['reports', 'report_ids', 'aggregates', 'deletions', 'key_chain', 'nonces', 'restrictions']));
    expect(tables.some((t) => /^reports_y\d{4}m\d{2}$/.test(t))).toBe(true);
    for (const table of tables) {
      await expect(reader.query(`SELECT * FROM ${pg.escapeIdentifier(table)} LIMIT 1`)).rejects.toMatchObject({ code: '42501', message: `permission denied for table ${table}` });
    }
    await expect(reader.query('SELECT installation_id, bytes FROM reports')).rejects.toThrow('permission denied for table reports');
  });

  it('cannot write to the views or the tables', async () => {
    await expect(reader.query("DELETE FROM published_cells WHERE field = 'site.product'")).rejects.toMatchObject({ code: '42501' });
    await expect(reader.query("INSERT INTO aggregates VALUES ('2026-11-30', 'product-improvement', 'site.product', '\"jira\"', 1)")).rejects.toMatchObject({ code: '42501' });
  });
});
