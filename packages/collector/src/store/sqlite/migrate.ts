import type Database from 'better-sqlite3';
import { z } from 'zod';
import { engineMessageOf, MigrationError, newerDatabaseError, type Migration } from '../migration.js';
import { sqliteMigrations } from './migrations.js';

const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export interface SqliteMigrationOutcome {
  applied: Array<Pick<Migration, 'version' | 'name'>>;
  /** The file had the collector's tables but no schema_migrations: it was taken over as it stood. */
  adopted: boolean;
}

/**
 * Brings the file up to the newest migration, one transaction per migration. Each begins IMMEDIATE
 * and reads the applied version under that lock, so two processes opening the same file apply each
 * migration once. Synchronous, like everything else on better-sqlite3: SqliteStore's constructor runs it.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = sqliteMigrations, now: () => Date = () => new Date()): SqliteMigrationOutcome {
  const hasTable = (name: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
  // A file from before versioned migrations: migration 1 is its schema verbatim (IF NOT EXISTS), so
  // applying it adopts the file, adding only what an older file lacks.
  const adopted = !hasTable('schema_migrations') && hasTable('reports');
  const appliedVersion = () => z.object({ v: z.number().nullable() }).parse(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).v ?? 0;

  db.exec(migrationsTable);
  const known = migrations.length;
  const at = appliedVersion();
  if (at > known) throw newerDatabaseError('sqlite', at, known);

  const applied: SqliteMigrationOutcome['applied'] = [];
  for (const migration of migrations.slice(at)) {
    const ran = db
      .transaction((): boolean => {
        // Read again under the write lock: another process may have applied it since.
        if (appliedVersion() >= migration.version) return false;
        try {
          db.exec(migration.sql);
        } catch (err) {
          throw new MigrationError('sqlite', migration, engineMessageOf(err));
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, now().toISOString());
        return true;
      })
      .immediate();
    if (ran) applied.push({ version: migration.version, name: migration.name });
  }
  return { applied, adopted };
}
