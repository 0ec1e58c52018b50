import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import type { SeenNonce, StoredReport } from '../src/store/store';
import { TestDatabase } from './support/postgres';

/**
 * What only the PostgreSQL store has: month partitions of the raw reports, dropped whole by retention,
 * and more than one process on one database (here: two stores, two pools, on one schema), where
 * idempotent ingest and the key chain's compare-and-set must still hold.
 */
const database = new TestDatabase();
afterAll(() => database.drop());

const open = (url: string, now = new Date('2026-11-29T05:00:00.000Z')) => PostgresStore.open({ connectionString: url, poolSize: 8, now: () => now });

const report = (receivedAt: string, installationId: string = randomUUID()): StoredReport => ({
  reportId: randomUUID(),
  receiptId: randomUUID(),
  installationId,
  receivedAt,
  digest: '0'.repeat(64),
  bytes: '{}'
});
const nonceFor = (r: StoredReport): SeenNonce => ({ installationId: r.installationId, nonce: randomUUID(), forgetAt: r.receivedAt });

async function partitionsOf(store: PostgresStore): Promise<string[]> {
  const { rows } = await store.pool.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'reports'::regclass ORDER BY 1`
  );
  return rows.map((r) => z.object({ name: z.string() }).parse(r).name);
}
async function count(store: PostgresStore, table: string): Promise<number> {
  const { rows } = await store.pool.query(`SELECT count(*) AS n FROM ${table}`);
  return z.object({ n: z.coerce.number() }).parse(rows[0]).n;
}

describe('raw reports partitioned by month', () => {
  let store: PostgresStore;
  beforeEach(async () => {
    store = await open(await database.freshSchemaUrl());
  });
  afterEach(async () => {
    await store.close();
  });

  it('has this month and the next ready at open, and makes any other month on first use', async () => {
    expect(await partitionsOf(store)).toEqual(['reports_y2026m11', 'reports_y2026m12']);
    await store.bulkInsert([report('2025-01-05T10:00:00.000Z'), report('2026-02-28T23:59:59.999Z')]);
    await store.insertReport(...((r) => [r, nonceFor(r)] as const)(report('2027-03-01T00:00:00.000Z')));
    expect(await partitionsOf(store)).toEqual(['reports_y2025m01', 'reports_y2026m02', 'reports_y2026m11', 'reports_y2026m12', 'reports_y2027m03']);
    // Each report in its month's partition, by the UTC instant it was received.
    const { rows } = await store.pool.query(`SELECT count(*) AS n FROM reports_y2026m02`);
    expect(rows).toEqual([{ n: '1' }]);
  });

  it('drops the months wholly past the cut-off and deletes the boundary month in batches, pausing between them', async () => {
    const old = [report('2026-08-10T00:00:00.000Z'), report('2026-08-31T23:59:59.999Z'), report('2026-09-15T12:00:00.000Z')];
    const boundary = Array.from({ length: 25 }, (_, i) => report(`2026-10-${String(1 + (i % 9)).padStart(2, '0')}T08:00:00.000Z`));
    const kept = [report('2026-10-10T00:00:00.000Z'), report('2026-11-02T09:00:00.000Z')];
    await store.bulkInsert([...old, ...boundary, ...kept]);
    expect(await partitionsOf(store)).toEqual(['reports_y2026m08', 'reports_y2026m09', 'reports_y2026m10', 'reports_y2026m11', 'reports_y2026m12']);

    const pauses: string[][] = [];
    const deleted = await store.deleteReportsBeforeDay('2026-10-10', { batch: 10, pause: async () => void pauses.push(await partitionsOf(store)) });

    expect(deleted).toBe(old.length + boundary.length);
    // August and September went whole, one DROP TABLE each, with a pause after each.
    expect(await partitionsOf(store)).toEqual(['reports_y2026m10', 'reports_y2026m11', 'reports_y2026m12']);
    expect(pauses[0]).toEqual(['reports_y2026m09', 'reports_y2026m10', 'reports_y2026m11', 'reports_y2026m12']);
    // Then October's 25 earlier reports in batches of 10, 10 and 5: a pause after each full one.
    expect(pauses).toHaveLength(2 + 2);
    expect(await store.countReports()).toBe(kept.length);
    // Every deleted report's id claim went too, so each id is free again, as on SQLite.
    expect(await count(store, 'report_ids')).toBe(kept.length);
    const again = old[0] as StoredReport;
    expect(await store.insertReport({ ...again, receivedAt: '2026-11-29T05:00:00.000Z' }, nonceFor(again))).toEqual({ inserted: true });
  });

  it("takes over an id's claim that outlived its report (retention stopped between dropping a month and its claims)", async () => {
    const lost = report('2026-06-01T00:00:00.000Z');
    await store.bulkInsert([lost]);
    await store.pool.query('DROP TABLE reports_y2026m06');
    expect(await count(store, 'report_ids')).toBe(1);

    const resent = { ...lost, receiptId: randomUUID(), receivedAt: '2026-11-29T05:00:00.000Z' };
    expect(await store.insertReport(resent, nonceFor(resent))).toEqual({ inserted: true });
    expect(await store.reportsOf(lost.installationId)).toEqual([resent]);
    expect(await store.insertReport(resent, nonceFor(resent))).toEqual({ inserted: false, existing: resent });
  });
});

describe('two collector processes on one database', () => {
  let a: PostgresStore;
  let b: PostgresStore;
  beforeEach(async () => {
    const url = await database.freshSchemaUrl();
    // Opened together: the migration lock lets one apply the schema while the other waits.
    [a, b] = await Promise.all([open(url), open(url)]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('applied the schema once', async () => {
    const { rows } = await a.pool.query('SELECT version, name FROM schema_migrations');
    expect(rows).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
  });

  it('store a report sent to both at once exactly once, and answer every copy with it', async () => {
    for (let round = 0; round < 20; round++) {
      const r = report('2026-11-29T05:00:00.000Z');
      const copies = Array.from({ length: 6 }, (_, i) => ({ ...r, receiptId: randomUUID(), receivedAt: `2026-11-29T05:00:0${i}.000Z` }));
      const outcomes = await Promise.all(copies.map((copy, i) => (i % 2 === 0 ? a : b).insertReport(copy, nonceFor(copy))));

      const inserted = outcomes.flatMap((o, i) => ('inserted' in o && o.inserted ? [copies[i]] : []));
      expect(inserted).toHaveLength(1);
      for (const o of outcomes) if ('inserted' in o && !o.inserted) expect(o.existing).toEqual(inserted[0]);
      expect(await a.reportsOf(r.installationId)).toEqual(inserted);
    }
    expect(await count(a, 'report_ids')).toBe(20);
  });

  it('record one nonce once: the same signed request at both is one store and one replay', async () => {
    const r = report('2026-11-29T05:00:00.000Z');
    const nonce = nonceFor(r);
    const outcomes = await Promise.all([a.insertReport(r, nonce), b.insertReport(r, nonce)]);
    expect(outcomes).toEqual(expect.arrayContaining([{ inserted: true }, { replayed: true }]));
  });

  it("let exactly one of two extensions of an installation's key chain through", async () => {
    for (let round = 0; round < 10; round++) {
      const installationId = randomUUID();
      const genesis = { genesisPublicKey: `genesis-${round}`, expectedKeys: 0, links: [], recordedAt: '2026-11-29T05:00:00.000Z' };
      expect((await Promise.all([a.appendKeyLinks(installationId, genesis), b.appendKeyLinks(installationId, genesis)])).sort()).toEqual([false, true]);
      const link = (key: string) => ({ previousPublicKey: genesis.genesisPublicKey, publicKey: key, rotatedAt: '2026-11-29T05:00:00.000Z', endorsement: `endorses-${key}` });
      const extend = (store: PostgresStore, key: string) => store.appendKeyLinks(installationId, { ...genesis, expectedKeys: 1, links: [link(key)] });
      const results = await Promise.all([extend(a, 'left'), extend(b, 'right')]);
      expect(results.sort()).toEqual([false, true]);
      const held = await a.keyChainOf(installationId);
      expect(held?.chain.links).toHaveLength(1);
    }
  });

  it('let one of two corrections of the same report replace it; the other is told it was superseded', async () => {
    const original = report('2026-11-29T05:00:00.000Z');
    await a.insertReport(original, nonceFor(original));
    const correction = () => ({ ...report('2026-11-30T05:00:00.000Z', original.installationId) });
    const [left, right] = [correction(), correction()];
    const outcomes = await Promise.all([a.insertCorrection(left, nonceFor(left), original.reportId), b.insertCorrection(right, nonceFor(right), original.reportId)]);
    expect(outcomes).toEqual(expect.arrayContaining([{ inserted: true }, { superseded: true }]));
    expect(await a.correctionsOf(original.installationId)).toHaveLength(1);
  });

  it('fold the same day at once without either failing, leaving one set of cells', async () => {
    const cells = [{ day: '2026-11-29', purpose: 'troubleshooting' as const, field: 'app.versionMajor', value: '3', installations: 7 }];
    await Promise.all([a.replaceDayAggregates({ day: '2026-11-29', generation: 1 }, cells), b.replaceDayAggregates({ day: '2026-11-29', generation: 1 }, cells)]);
    expect(await b.aggregates()).toEqual(cells);
  });
});

describe('a database it was not made for', () => {
  it('does not open when the server cannot be reached, and says why', async () => {
    const url = new URL(await database.url());
    url.port = '1';
    await expect(PostgresStore.open({ connectionString: url.toString() })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reads instants and days the same whatever the session time zone and date style', async () => {
    const url = new URL(await database.freshSchemaUrl());
    url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c TimeZone=America/St_Johns -c DateStyle=SQL,DMY`);
    const store = await open(url.toString());
    try {
      const r = report('2026-11-29T23:30:00.000Z');
      await store.insertReport(r, nonceFor(r));
      expect(await store.reportsOf(r.installationId)).toEqual([r]);
      expect(await store.dirtyDays()).toEqual([{ day: '2026-11-29', generation: 1 }]);
      expect((await store.reportsOnDay('2026-11-29')).map((x) => x.reportId)).toEqual([r.reportId]);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query('SHOW TimeZone');
      await client.end();
      expect(rows).toEqual([{ TimeZone: 'America/St_Johns' }]);
    } finally {
      await store.close();
    }
  });
});
