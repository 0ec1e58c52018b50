import pg from 'pg';
import { startBareIngest } from '../../bench/lib/bare-ingest';
import { acquireBenchDatabase, type BenchDatabase } from '../../bench/lib/bench-postgres';
import { runLoadProcess } from '../../bench/lib/load-protocol';
import { postgresUnderBench } from '../../bench/lib/postgres-under-bench';
import { serverUrl } from '../../packages/collector/test/support/postgres';

/** On the jest run's PostgreSQL server (postgres-global.ts), named to the bench as COLLECTOR_BENCH_DATABASE_URL. */
async function databases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe('the collector bench on PostgreSQL', () => {
  let database: BenchDatabase;
  beforeAll(async () => {
    const acquired = await acquireBenchDatabase({ COLLECTOR_BENCH_DATABASE_URL: serverUrl() });
    if (!acquired.ok) throw new Error(acquired.reason);
    database = acquired.database;
  });
  afterAll(() => database?.release());

  it('seeds the store in bulk, counts it, and marks every seeded day for a refold', async () => {
    const engine = await postgresUnderBench(database.url);
    const lines: string[] = [];
    try {
      expect(await engine.seedTo(2_500, 7, (l) => lines.push(l))).toBe(2_500);
      expect(await engine.seedTo(2_000, 8, (l) => lines.push(l))).toBe(0);
      expect(await engine.countRows()).toBe(2_500);
      expect(lines.at(-1)).toMatch(/^seeded 2500 reports in \d+\.\d s$/);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const days = async () => (await client.query<{ n: string }>('SELECT sum(generation) AS n FROM dirty_days')).rows[0]?.n;
        const before = Number(await days());
        const seededDays = Number((await client.query<{ n: string }>(`SELECT count(DISTINCT (received_at AT TIME ZONE 'UTC')::date) AS n FROM reports`)).rows[0]?.n);
        await engine.markEveryDayChanged();
        expect(Number(await days())).toBe(before + seededDays);
      } finally {
        await client.end();
      }
      expect(await engine.sizeMib()).toBeGreaterThan(1);
    } finally {
      await engine.close();
    }
  }, 60_000);

  it("gives the bare route a table of its own in the bench's database, and drops it afterwards", async () => {
    const engine = await postgresUnderBench(database.url);
    try {
      const bare = await startBareIngest(await engine.bareTable());
      let result;
      try {
        result = await runLoadProcess({ url: bare.url, warmup: 5, requests: 50, concurrency: 4, installations: 5, seed: 9 });
      } finally {
        await bare.close();
      }
      expect(result.statuses).toEqual({ '201': 50 });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        expect((await client.query(`SELECT to_regclass('bare_reports') AS t`)).rows[0]).toEqual({ t: null });
      } finally {
        await client.end();
      }
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('drops its database on release', async () => {
    const name = new URL(database.url).pathname.slice(1);
    expect(await databases()).toContain(name);
    const other = await acquireBenchDatabase({ COLLECTOR_BENCH_DATABASE_URL: serverUrl() });
    if (!other.ok) throw new Error(other.reason);
    const otherName = new URL(other.database.url).pathname.slice(1);
    expect(otherName).not.toBe(name);
    await other.database.release();
    expect(await databases()).not.toContain(otherName);
  });
});
