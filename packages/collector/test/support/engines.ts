import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { PostgresStore } from '../../src/store/postgres/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { CollectorStore, StoredReport } from '../../src/store/store';
import { TestDatabase } from './postgres';

/**
 * The storage engines every contract suite runs on: `describe.each(storeEngines())('on $name', …)`
 * runs each case once per engine, against a real engine each time (an in-memory SQLite database, a
 * schema on the run's PostgreSQL server). What a test reads past the port (a table's raw rows, to
 * prove nothing changed) goes through `TableReader`, which each engine answers in its own SQL.
 */
export interface TableReader {
  /** Every row, ordered by the first two columns: equal snapshots mean equal contents. */
  rows(table: string): Promise<unknown[]>;
  count(table: string): Promise<number>;
  /** Column names, in table order. */
  columns(table: string): Promise<string[]>;
  /** Empties a table behind the store's back (a report also loses its id's claim on PostgreSQL). */
  clear(table: string): Promise<void>;
}

export interface StoreUnderTest {
  store: CollectorStore;
  tables: TableReader;
  /** The engine's bulk load, which the port does not have: for seeding a busy day. */
  bulkInsert(reports: readonly StoredReport[]): Promise<number>;
  close(): Promise<void>;
}

/** Somewhere a store lives across opens and processes: `startCollector` options, a reader on its own connection, and removal. */
export interface StoreLocation {
  options: { dbPath: string; databaseUrl?: string };
  tables(): Promise<TableReader & { close(): Promise<void> }>;
  /** Every row of every table, as a thief's copy holds them: SQLite's online backup of the file, or all of the schema's tables, partitions too. */
  copyOfEverything(): Promise<unknown[][]>;
  remove(): Promise<void>;
}

export interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  openStore(): Promise<StoreUnderTest>;
  location(): Promise<StoreLocation>;
}

const plainName = (table: string) => {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  return table;
};
const countRow = z.object({ n: z.coerce.number() });

function sqliteTables(db: Database.Database): TableReader {
  return {
    rows: async (t) => db.prepare(`SELECT * FROM ${plainName(t)} ORDER BY 1, 2`).all(),
    count: async (t) => countRow.parse(db.prepare(`SELECT count(*) AS n FROM ${plainName(t)}`).get()).n,
    columns: async (t) => db.prepare('SELECT name FROM pragma_table_info(?)').all(t).map((r) => z.object({ name: z.string() }).parse(r).name),
    clear: async (t) => void db.prepare(`DELETE FROM ${plainName(t)}`).run()
  };
}

function postgresTables(pool: pg.Pool): TableReader {
  return {
    rows: async (t) => (await pool.query(`SELECT * FROM ${plainName(t)} ORDER BY 1, 2`)).rows,
    count: async (t) => countRow.parse((await pool.query(`SELECT count(*) AS n FROM ${plainName(t)}`)).rows[0]).n,
    columns: async (t) =>
      (await pool.query('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position', [t])).rows.map(
        (r) => z.object({ name: z.string() }).parse(r).name
      ),
    clear: async (t) => void (await pool.query(`TRUNCATE ${plainName(t)}${t === 'reports' ? ', report_ids' : ''}`))
  };
}

export const sqliteEngine: Engine = {
  name: 'SQLite',
  openStore: async () => {
    const store = new SqliteStore(':memory:');
    return { store, tables: sqliteTables(store.db), bulkInsert: async (reports) => store.bulkInsert(reports), close: () => store.close() };
  },
  location: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-'));
    const dbPath = join(dir, 'collector.db');
    return {
      options: { dbPath },
      tables: async () => {
        const db = new Database(dbPath, { readonly: true });
        return { ...sqliteTables(db), close: async () => void db.close() };
      },
      copyOfEverything: async () => {
        const copyPath = join(dir, `copy-${randomUUID()}.db`);
        const live = new Database(dbPath, { readonly: true });
        await live.backup(copyPath);
        live.close();
        const copy = new Database(copyPath, { readonly: true });
        try {
          const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => z.object({ name: z.string() }).parse(r).name);
          return tables.map((t) => copy.prepare(`SELECT * FROM ${plainName(t)}`).all());
        } finally {
          copy.close();
        }
      },
      remove: async () => rmSync(dir, { recursive: true, force: true })
    };
  }
};

export function postgresEngine(database: TestDatabase): Engine {
  return {
    name: 'PostgreSQL',
    openStore: async () => {
      const store = await PostgresStore.open({ connectionString: await database.freshSchemaUrl(), poolSize: 4 });
      return { store, tables: postgresTables(store.pool), bulkInsert: (reports) => store.bulkInsert(reports), close: () => store.close() };
    },
    location: async () => {
      const databaseUrl = await database.freshSchemaUrl();
      return {
        // The file is never opened: the URL wins (store/open-store.ts).
        options: { dbPath: join(tmpdir(), 'unused-sqlite-file.db'), databaseUrl },
        tables: async () => {
          const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
          return { ...postgresTables(pool), close: () => pool.end() };
        },
        copyOfEverything: async () => {
          const client = new pg.Client({ connectionString: databaseUrl });
          await client.connect();
          try {
            const { rows } = await client.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
            const tables = rows.map((r) => z.object({ name: z.string() }).parse(r).name);
            const copy: unknown[][] = [];
            for (const t of tables) copy.push((await client.query(`SELECT * FROM ${pg.escapeIdentifier(t)}`)).rows);
            return copy;
          } finally {
            await client.end();
          }
        },
        // The schema goes with the file's database.
        remove: async () => undefined
      };
    }
  };
}

/**
 * Both engines, for one test file. Call it at the top of the file: it registers an afterAll that
 * drops the file's PostgreSQL database (created only if a PostgreSQL case runs).
 */
export function storeEngines(): Engine[] {
  const database = new TestDatabase();
  afterAll(() => database.drop());
  return [sqliteEngine, postgresEngine(database)];
}
