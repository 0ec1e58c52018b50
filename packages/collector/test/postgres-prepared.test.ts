import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import type { SeenNonce, StoredReport } from '../src/store/store';
import { storedReport } from './support';
import { TestDatabase } from './support/postgres';

/**
 * Ingest's writes on PostgreSQL are prepared (store/postgres/prepared.ts): each connection parses them
 * once and, after PostgreSQL's first few runs, keeps one generic plan. What must hold: they are not
 * planned again on every run; every plan the store keeps reaches its tables through their keys, even
 * when the statistics were taken while the tables were empty (a kept plan outlives the statistics it
 * was made from, and a scan planned for an empty table runs on the grown one); and a plan made before
 * a month's partition was dropped does not stop that month's reports from being stored. One
 * connection per store, so every run meets the statements that connection prepared.
 */
const database = new TestDatabase();
afterAll(() => database.drop());

const now = new Date('2026-11-29T05:00:00.000Z');
const installationId = randomUUID();
const report = (receivedAt = now.toISOString()): StoredReport => storedReport({ installationId, receivedAt });
const nonce = (): SeenNonce => ({ installationId, nonce: randomUUID(), forgetAt: now.toISOString() });
const plansRow = z.object({ name: z.string(), generic_plans: z.coerce.number(), custom_plans: z.coerce.number() });

describe('ingest statements prepared on PostgreSQL', () => {
  let store: PostgresStore;
  beforeEach(async () => {
    store = await PostgresStore.open({ connectionString: await database.freshSchemaUrl(), poolSize: 1, now: () => now });
  });
  afterEach(async () => {
    await store.close();
  });

  /** Ten turns of three reports (one batch) and three signers asking (one read), as ingest runs them. */
  async function ingestInBatches(): Promise<void> {
    for (let turn = 0; turn < 10; turn++) {
      await Promise.all([
        ...Array.from({ length: 3 }, () => store.insertReport(report(), nonce())),
        ...Array.from({ length: 3 }, () => store.signerStanding(installationId, randomUUID()))
      ]);
    }
  }

  it('plans the batched insert once per connection, not on every run', async () => {
    await ingestInBatches();

    const { rows } = await store.pool.query(`SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'collector_ingest_batch'`);
    // PostgreSQL plans a prepared statement afresh for its first five runs, then keeps the generic plan if it is no costlier.
    expect(rows.map((r) => plansRow.parse(r))).toEqual([{ name: 'collector_ingest_batch', generic_plans: 5, custom_plans: 5 }]);
  });

  it('keeps no plan that scans a table, even one made from statistics taken while the tables were empty', async () => {
    // As on a new database, or the bench's right after seeding reports: nonces, claims and marks analyzed empty.
    await store.pool.query('ANALYZE');
    await ingestInBatches();
    await store.insertReport(report(), nonce());
    const resent = report();
    await store.insertReport(resent, nonce());
    await store.insertReport({ ...resent, receiptId: randomUUID() }, nonce());

    const client = await store.pool.connect();
    try {
      const { rows } = await client.query(`SELECT name, parameter_types::text[] AS types FROM pg_prepared_statements WHERE name LIKE 'collector\\_%' ORDER BY name`);
      const statements = rows.map((r) => z.object({ name: z.string(), types: z.array(z.string()) }).parse(r));
      expect(statements.map((st) => st.name)).toEqual(['collector_ingest_batch', 'collector_ingest_one']);
      // The plan PostgreSQL keeps after the first runs is the generic one: ask for it, as the statistics stand.
      await client.query('SET plan_cache_mode = force_generic_plan');
      for (const { name, types } of statements) {
        const plan = await client.query(`EXPLAIN EXECUTE ${name}(${types.map(() => 'NULL').join(', ')})`);
        const lines = plan.rows.map((r) => z.object({ 'QUERY PLAN': z.string() }).parse(r)['QUERY PLAN']);
        expect({ name, scans: lines.filter((l) => /Seq Scan|Bitmap Heap Scan|Index Scan|Index Only Scan/.test(l)) }).toEqual({ name, scans: [] });
      }
      await client.query('RESET plan_cache_mode');
    } finally {
      client.release();
    }
  });

  it.each([
    ['by its retention', (s: PostgresStore) => s.deleteReportsBeforeDay('2026-12-01').then(() => undefined)],
    ['behind its back', (s: PostgresStore) => s.pool.query('DROP TABLE reports_y2026m11').then(() => undefined)]
  ])("stores a month's reports with the statements prepared before its partition was dropped %s", async (_, dropNovember) => {
    const november = () => report('2026-11-20T10:00:00.000Z');
    const [first, second, alone] = [november(), november(), november()];
    await Promise.all([store.insertReport(first, nonce()), store.insertReport(second, nonce())]);
    await store.insertReport(alone, nonce());
    await dropNovember(store);

    const again = [november(), november()];
    await expect(Promise.all(again.map((r) => store.insertReport(r, nonce())))).resolves.toEqual([{ inserted: true }, { inserted: true }]);
    const lone = november();
    await expect(store.insertReport(lone, nonce())).resolves.toEqual({ inserted: true });
    expect((await store.reportsOf(installationId)).map((r) => r.reportId).sort()).toEqual([...again, lone].map((r) => r.reportId).sort());
  });
});
