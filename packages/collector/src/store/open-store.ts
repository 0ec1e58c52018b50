import { SqliteStore } from './sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import type { CollectorStore } from './store.js';
import { redactedDatabaseUrl } from './database-url.js';
import { connectionFailureOf } from './postgres/connect-error.js';

/**
 * Where the collector keeps its data. A PostgreSQL URL wins; without one, the SQLite file, exactly
 * as before there was a choice.
 */
export interface StoreConfig {
  /** postgres:// or postgresql:// (COLLECTOR_DATABASE_URL). */
  databaseUrl?: string;
  /** The SQLite file (COLLECTOR_DB), used when no databaseUrl is given. */
  dbPath: string;
  /** SQLite only: checkpoint the WAL on a worker thread (sqlite-store.ts). The running collector turns it on. */
  backgroundCheckpoints?: boolean;
}

/**
 * Opens the configured store, migrated to the newest schema; a failing migration rejects with a
 * MigrationError, a PostgreSQL server that cannot be used with a PostgresUnavailableError.
 */
export async function openStore(config: StoreConfig): Promise<CollectorStore> {
  if (config.databaseUrl !== undefined) {
    const url = config.databaseUrl;
    // A server that is down or refuses this URL stops the start with one line saying what to check.
    return PostgresStore.open({ connectionString: url }).catch((err: unknown) => {
      throw connectionFailureOf(err, url) ?? err;
    });
  }
  return new SqliteStore(config.dbPath, { backgroundCheckpoints: config.backgroundCheckpoints ?? false });
}

/** The store for a log line: the file, or the URL without its password. */
export function describeStore(config: StoreConfig): string {
  return config.databaseUrl === undefined ? config.dbPath : redactedDatabaseUrl(config.databaseUrl);
}
