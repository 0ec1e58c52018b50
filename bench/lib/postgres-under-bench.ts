import pg from 'pg';
import { PostgresStore } from '@usage-reporting/collector';
import type { BareTable } from './bare-ingest';
import type { EngineUnderBench } from './engine-under-bench';
import { seedingProgress, seedPostgresStore } from './seed-store';

/**
 * The collector on PostgreSQL, in the bench's own database (bench-postgres.ts). The bench keeps one
 * store open beside the collector's for seeding and counting; `close` ends it.
 */
export async function postgresUnderBench(databaseUrl: string): Promise<EngineUnderBench> {
  const store = await PostgresStore.open({ connectionString: databaseUrl });
  return {
    engine: 'postgres',
    label: 'PostgreSQL',
    // dbPath is unused when databaseUrl is given; startCollector still asks for one.
    store: { dbPath: '', databaseUrl },
    countRows: () => store.countReports(),
    seedTo: async (target, seed, progress) => {
      const have = await store.countReports();
      if (have >= target) return 0;
      const t0 = performance.now();
      const added = await seedPostgresStore(store, { count: target - have, installations: 10_000, now: new Date(), spanDays: 728, seed }, seedingProgress(target - have, progress));
      // Fresh statistics, as autovacuum would gather them on a table that grew this much.
      await store.pool.query('ANALYZE');
      progress(`seeded ${added} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return added;
    },
    markEveryDayChanged: async () => {
      await store.pool.query(
        `INSERT INTO dirty_days (day, generation) SELECT DISTINCT (received_at AT TIME ZONE 'UTC')::date, 1 FROM reports
         ON CONFLICT (day) DO UPDATE SET generation = dirty_days.generation + 1`
      );
    },
    sizeMib: async () => {
      const { rows } = await store.pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
      return Number(rows[0]?.bytes) / (1024 * 1024);
    },
    bareTable: () => barePostgresTable(databaseUrl),
    close: () => store.close()
  };
}

/**
 * The bare route's PostgreSQL: a plain table in the same database, the report id as primary key, one
 * autocommitted INSERT per request through a pool of the store's default size (10). Dropped on close,
 * so the collector's later figures (and the database size) never include it.
 */
async function barePostgresTable(url: string): Promise<BareTable> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE bare_reports (report_id text PRIMARY KEY, installation_id text NOT NULL, received_at timestamptz NOT NULL, bytes text NOT NULL)');
  return {
    insert: async (row) => {
      await pool.query('INSERT INTO bare_reports (report_id, installation_id, received_at, bytes) VALUES ($1, $2, $3, $4)', [row.reportId, row.installationId, row.receivedAt, row.bytes]);
    },
    close: async () => {
      try {
        await pool.query('DROP TABLE bare_reports');
      } finally {
        await pool.end();
      }
    }
  };
}
