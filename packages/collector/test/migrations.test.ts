import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MigrationError, orderedMigrations } from '../src/store/migration';
import { migratePostgres } from '../src/store/postgres/migrate';
import { postgresMigrations } from '../src/store/postgres/migrations';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { migrateSqlite } from '../src/store/sqlite/migrate';
import { sqliteMigrations } from '../src/store/sqlite/migrations';
import { SqliteStore } from '../src/store/sqlite-store';
import { TestDatabase } from './support/postgres';

/**
 * Versioned migrations on both engines: schema_migrations says what was applied; start-up applies the
 * rest in order, each in its own transaction; a failure stops it with the engine, the migration and the
 * engine's error named, and leaves the database at the version before.
 */
const at = '2026-11-29T05:00:00.000Z';

/** The schema every collector before versioned migrations made (before corrections, too), verbatim. */
const preMigrationSchema = `
CREATE TABLE IF NOT EXISTS reports (report_id TEXT PRIMARY KEY, receipt_id TEXT NOT NULL, installation_id TEXT NOT NULL, received_at TEXT NOT NULL, digest TEXT NOT NULL, bytes TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reports_by_installation ON reports (installation_id);
CREATE INDEX IF NOT EXISTS reports_by_received_at ON reports (received_at);
CREATE TABLE IF NOT EXISTS key_chain (installation_id TEXT NOT NULL, position INTEGER NOT NULL, public_key TEXT NOT NULL, previous_public_key TEXT, rotated_at TEXT, endorsement TEXT, recorded_at TEXT NOT NULL, PRIMARY KEY (installation_id, position));
CREATE TABLE IF NOT EXISTS nonces (installation_id TEXT NOT NULL, nonce TEXT NOT NULL, forget_at TEXT NOT NULL, PRIMARY KEY (installation_id, nonce)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS restrictions (installation_id TEXT PRIMARY KEY, purposes TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deletions (acknowledgement_id TEXT PRIMARY KEY, installation_id TEXT NOT NULL, acknowledged_at TEXT NOT NULL, deleted_reports INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dirty_days (day TEXT PRIMARY KEY, generation INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS aggregates (day TEXT NOT NULL, purpose TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, installations INTEGER NOT NULL, PRIMARY KEY (day, purpose, field, value));
CREATE INDEX IF NOT EXISTS aggregates_for_dashboard ON aggregates (field, day, purpose, value, installations);
`;

/** Migration 3 of a test: its first statement works, its second does not. */
const broken = orderedMigrations([
  ...sqliteMigrations,
  { version: 3, name: 'add-broken-index', sql: 'CREATE TABLE half_done (x INTEGER); CREATE INDEX broken ON reports (no_such_column);' }
]);

describe('SQLite migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'collector-migrations-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const applied = (db: Database.Database) => db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();

  it('builds a new file at the newest version, and applies nothing on the next open', () => {
    const db = new Database(join(dir, 'new.db'));
    expect(migrateSqlite(db)).toEqual({ applied: [{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }], adopted: false });
    expect(migrateSqlite(db)).toEqual({ applied: [], adopted: false });
    expect(applied(db)).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
    db.close();
  });

  it('adopts a file from before migrations as version 1, keeping its reports and adding the tables it lacked', async () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(preMigrationSchema);
    old.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?)').run('r-1', 'receipt-1', 'i-1', at, 'digest', '{}');
    old.close();

    const db = new Database(path);
    expect(migrateSqlite(db, sqliteMigrations, () => new Date(at))).toEqual({ applied: [{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }], adopted: true });
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'initial', applied_at: at },
      { version: 2, name: 'published-views', applied_at: at }
    ]);
    db.close();
    const store = new SqliteStore(path);
    try {
      expect(await store.reportsOf('i-1')).toEqual([{ reportId: 'r-1', receiptId: 'receipt-1', installationId: 'i-1', receivedAt: at, digest: 'digest', bytes: '{}' }]);
      // The corrections tables, which that file predates, are there now.
      expect(await store.correctionsOf('i-1')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('stops on a failing migration with a MigrationError naming it and SQLite’s message, and keeps the version before', () => {
    const db = new Database(join(dir, 'broken.db'));
    let thrown: unknown;
    try {
      migrateSqlite(db, broken);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MigrationError);
    expect(thrown).toMatchObject({ engine: 'sqlite', migration: { version: 3, name: 'add-broken-index' }, engineMessage: 'no such column: no_such_column' });
    expect((thrown as Error).message).toBe('SQLite migration 0003-add-broken-index failed: no such column: no_such_column');
    // Migrations 1 and 2 stayed applied; nothing of migration 3 did.
    expect(applied(db)).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    db.close();
  });

  it('refuses a file a newer collector migrated further', () => {
    const db = new Database(join(dir, 'newer.db'));
    migrateSqlite(db);
    db.prepare("INSERT INTO schema_migrations VALUES (3, 'from-the-future', ?)").run(at);
    expect(() => migrateSqlite(db)).toThrow('SQLite schema: the database is at migration 3, but this collector knows migrations up to 2 only; run the newer collector, or restore a backup');
    db.close();
  });

  it('stops SqliteStore itself on a file whose tables are not the collector’s', () => {
    const path = join(dir, 'foreign.db');
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE reports (id INTEGER PRIMARY KEY)');
    foreign.close();
    expect(() => new SqliteStore(path)).toThrow('SQLite migration 0001-initial failed: no such column: installation_id');
  });
});

describe('PostgreSQL migrations', () => {
  const database = new TestDatabase();
  afterAll(() => database.drop());
  const withPool = async <T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> => {
    const pool = new pg.Pool({ connectionString: await database.freshSchemaUrl(), max: 2 });
    try {
      return await work(pool);
    } finally {
      await pool.end();
    }
  };
  const applied = async (pool: pg.Pool) => (await pool.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows;

  it('builds a new schema at the newest version, and applies nothing on the next start', async () => {
    await withPool(async (pool) => {
      expect(await migratePostgres(pool)).toEqual({ applied: [{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }] });
      expect(await migratePostgres(pool)).toEqual({ applied: [] });
      expect(await applied(pool)).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
    });
  });

  it('applies each migration once when two processes start together', async () => {
    const url = await database.freshSchemaUrl();
    const pools = [new pg.Pool({ connectionString: url, max: 1 }), new pg.Pool({ connectionString: url, max: 1 })];
    try {
      const outcomes = await Promise.all(pools.map((pool) => migratePostgres(pool)));
      expect(outcomes.map((o) => o.applied.length).sort()).toEqual([0, 2]);
      expect(await applied(pools[0] as pg.Pool)).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('stops on a failing migration with a MigrationError naming it and PostgreSQL’s message, and keeps the version before', async () => {
    const failing = orderedMigrations([...postgresMigrations, { version: 3, name: 'add-broken-index', sql: 'CREATE TABLE half_done (x integer); CREATE INDEX broken ON reports (no_such_column);' }]);
    await withPool(async (pool) => {
      const thrown: unknown = await migratePostgres(pool, failing).catch((err: unknown) => err);
      expect(thrown).toBeInstanceOf(MigrationError);
      expect(thrown).toMatchObject({ engine: 'postgres', migration: { version: 3, name: 'add-broken-index' }, engineMessage: 'column "no_such_column" does not exist' });
      expect((thrown as Error).message).toBe('PostgreSQL migration 0003-add-broken-index failed: column "no_such_column" does not exist');
      expect(await applied(pool)).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
      expect((await pool.query("SELECT to_regclass('half_done') AS t")).rows).toEqual([{ t: null }]);
    });
  });

  it('refuses a schema a newer collector migrated further, and a schema holding another application’s tables', async () => {
    await withPool(async (pool) => {
      await migratePostgres(pool);
      await pool.query("INSERT INTO schema_migrations (version, name) VALUES (3, 'from-the-future')");
      await expect(migratePostgres(pool)).rejects.toThrow('PostgreSQL schema: the database is at migration 3, but this collector knows migrations up to 2 only');
    });
    await withPool(async (pool) => {
      await pool.query('CREATE TABLE aggregates (id serial PRIMARY KEY)');
      const url = `${pool.options.connectionString ?? ''}`;
      await expect(PostgresStore.open({ connectionString: url })).rejects.toThrow(new MigrationError('postgres', { version: 1, name: 'initial' }, 'relation "aggregates" already exists'));
      // Nothing of the collector's schema was left half-made.
      expect((await pool.query("SELECT to_regclass('reports') AS t, to_regclass('schema_migrations') IS NOT NULL AS m")).rows).toEqual([{ t: null, m: true }]);
    });
  });

  it('leaves another schema of the same database alone', async () => {
    await withPool(async (pool) => {
      await migratePostgres(pool);
      await pool.query(`INSERT INTO report_ids VALUES ('${randomUUID()}', now())`);
    });
    await withPool(async (pool) => {
      await migratePostgres(pool);
      expect((await pool.query('SELECT count(*)::int AS n FROM report_ids')).rows).toEqual([{ n: 0 }]);
    });
  });
});
