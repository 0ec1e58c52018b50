import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import type { SeenNonce, StoredReport } from '../src/store/store';
import { TestDatabase } from './support/postgres';

/**
 * Ingest's statements on PostgreSQL are prepared (store/postgres/prepared.ts): each connection parses
 * them once and, after PostgreSQL's first few runs, keeps one generic plan. What must hold: they are
 * not planned again on every run, the plan kept is one that looks each signer up by key, and a plan
 * made before a month's partition was dropped does not stop that month's reports from being stored.
 * One connection per store, so every run meets the statements that connection prepared.
 */
const database = new TestDatabase();
afterAll(() => database.drop());

const now = new Date('2026-11-29T05:00:00.000Z');
const installationId = randomUUID();
const report = (receivedAt = now.toISOString()): StoredReport => ({
  reportId: randomUUID(),
  receiptId: randomUUID(),
  installationId,
  receivedAt,
  digest: 'd'.repeat(64),
  bytes: '{}'
});
const nonce = (): SeenNonce => ({ installationId, nonce: randomUUID(), forgetAt: now.toISOString() });
const plansRow = z.object({ name: z.string(), generic_plans: z.coerce.number(), custom_plans: z.coerce.number() });

describe('ingest statements prepared on PostgreSQL', () => {
  let url: string;
  let store: PostgresStore;
  beforeEach(async () => {
    url = await database.freshSchemaUrl();
    store = await PostgresStore.open({ connectionString: url, poolSize: 1, now: () => now });
  });
  afterEach(async () => {
    await store.close();
  });

  /** Ten turns of three reports (one batch) and three signers asking (one read). */
  async function ingestInBatches(): Promise<void> {
    for (let turn = 0; turn < 10; turn++) {
      await Promise.all([
        ...Array.from({ length: 3 }, () => store.insertReport(report(), nonce())),
        ...Array.from({ length: 3 }, () => store.signerStanding(installationId, randomUUID()))
      ]);
    }
  }

  it('plans the batched insert and the standings read once per connection, not on every run', async () => {
    await ingestInBatches();

    const { rows } = await store.pool.query(`SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name IN ('collector_ingest_batch', 'collector_signer_standings') ORDER BY name`);
    // PostgreSQL plans a prepared statement afresh for its first five runs, then keeps the generic plan if it is no costlier.
    expect(rows.map((r) => plansRow.parse(r))).toEqual([
      { name: 'collector_ingest_batch', generic_plans: 5, custom_plans: 5 },
      { name: 'collector_signer_standings', generic_plans: 5, custom_plans: 5 }
    ]);
  });

  it('keeps a standings plan that looks each signer up by key, never one that reads every nonce held', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Enough nonces that reading them all would be a real cost, and statistics that say so.
      await admin.query(`INSERT INTO nonces (installation_id, nonce, forget_at) SELECT 'other-' || (g % 100), 'n' || g, now() FROM generate_series(1, 5000) g`);
      await admin.query('ANALYZE nonces');
    } finally {
      await admin.end();
    }
    await ingestInBatches();

    const client = await store.pool.connect();
    try {
      // The plan PostgreSQL keeps after the first runs is the generic one: ask for it.
      await client.query('SET plan_cache_mode = force_generic_plan');
      const { rows } = await client.query(`EXPLAIN EXECUTE collector_signer_standings('[]')`);
      await client.query('RESET plan_cache_mode');
      const plan = rows.map((r) => z.object({ 'QUERY PLAN': z.string() }).parse(r)['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Only Scan using nonces_pkey on nonces/);
      expect(plan).not.toMatch(/Seq Scan on nonces|hashed SubPlan/);
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
