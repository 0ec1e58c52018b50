import type pg from 'pg';
import { z } from 'zod';
import { engineMessageOf, MigrationError, newerDatabaseError, type Migration } from '../migration.js';
import { lockSpace } from './connection.js';
import { postgresMigrations } from './migrations/index.js';

export interface PostgresMigrationOutcome {
  applied: Array<Pick<Migration, 'version' | 'name'>>;
}

/**
 * Brings the schema (the first one on the connection's search_path) up to the newest migration.
 * Two collector processes starting together must not both apply migration 1, so the whole run holds a
 * session advisory lock keyed on the schema: the second waits, then finds nothing left to do. Each
 * migration is its own transaction (DDL is transactional here), recorded in schema_migrations with it.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = postgresMigrations): Promise<PostgresMigrationOutcome> {
  const client = await pool.connect();
  const key = `${lockSpace.migrations}, hashtext(current_schema())`;
  try {
    await client.query(`SELECT pg_advisory_lock(${key})`);
    try {
      return await applyPending(client, migrations);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${key})`);
    }
  } finally {
    client.release();
  }
}

async function applyPending(client: pg.PoolClient, migrations: readonly Migration[]): Promise<PostgresMigrationOutcome> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
  const at = z.object({ v: z.number() }).parse(rows[0]).v;
  if (at > migrations.length) throw newerDatabaseError('postgres', at, migrations.length);

  const applied: PostgresMigrationOutcome['applied'] = [];
  for (const migration of migrations.slice(at)) {
    try {
      await client.query('BEGIN');
      // No parameters: the simple query protocol, which runs a script of many statements.
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new MigrationError('postgres', migration, engineMessageOf(err));
    }
    applied.push({ version: migration.version, name: migration.name });
  }
  return { applied };
}
