import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '@usage-reporting/collector';
import type { BareTable } from './bare-ingest';
import type { EngineUnderBench } from './engine-under-bench';
import { seedingProgress, seedStore } from './seed-store';

/** The collector's default engine: one SQLite file in `dir`, which the caller deletes. */
export function sqliteUnderBench(dir: string): EngineUnderBench {
  const dbPath = join(dir, 'collector.db');
  const withStore = async <T>(work: (store: SqliteStore) => T | Promise<T>): Promise<T> => {
    const store = new SqliteStore(dbPath);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };
  return {
    engine: 'sqlite',
    label: 'SQLite',
    store: { dbPath },
    countRows: () => withStore((store) => store.countReports()),
    seedTo: (target, seed, progress) =>
      withStore(async (store) => {
        const have = await store.countReports();
        if (have >= target) return 0;
        // A large page cache for the seeding connection only: random-key index inserts into a growing file
        // otherwise re-read pages constantly. The collector measured afterwards opens its own connection with its defaults.
        store.db.pragma('cache_size = -262144');
        const t0 = performance.now();
        const added = seedStore(store, { count: target - have, installations: 10_000, now: new Date(), spanDays: 728, seed }, seedingProgress(target - have, progress));
        progress(`seeded ${added} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        return added;
      }),
    markEveryDayChanged: () =>
      withStore((store) => {
        store.db
          .prepare(
            `INSERT INTO dirty_days (day, generation) SELECT DISTINCT substr(received_at, 1, 10), 1 FROM reports WHERE true
             ON CONFLICT (day) DO UPDATE SET generation = generation + 1`
          )
          .run();
      }),
    sizeMib: () => Promise.resolve(statSync(dbPath).size / (1024 * 1024)),
    bareTable: () => Promise.resolve(bareSqliteTable(join(dir, 'bare.db'))),
    close: () => Promise.resolve()
  };
}

/**
 * The bare route's SQLite: its own file, with the journal settings the collector's store uses (WAL,
 * synchronous NORMAL), one autocommitted insert per request, the report id as primary key.
 */
function bareSqliteTable(path: string): BareTable {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS bare_reports (report_id TEXT PRIMARY KEY, installation_id TEXT NOT NULL, received_at TEXT NOT NULL, bytes TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bare_reports (report_id, installation_id, received_at, bytes) VALUES (?, ?, ?, ?)');
  return {
    insert: (row) => {
      insert.run(row.reportId, row.installationId, row.receivedAt, row.bytes);
    },
    close: () => {
      db.close();
      return Promise.resolve();
    }
  };
}
