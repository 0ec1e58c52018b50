import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { serverUrlVariable, unavailableVariable } from './postgres-global';

/**
 * One test file's database on the run's PostgreSQL server (postgres-global.ts): created on first use
 * with a unique name, dropped by `drop()` (engines.ts calls it after the file). Each store a test opens
 * gets a schema of its own in it, so stores never see each other's rows, and a file that opens
 * hundreds (the property suites) pays for one CREATE DATABASE, not hundreds.
 */
export function serverUrl(): string {
  const url = process.env[serverUrlVariable];
  if (url) return url;
  throw new Error(process.env[unavailableVariable] ?? `No PostgreSQL server for the collector suites: ${serverUrlVariable} is unset (jest's globalSetup sets it).`);
}

/** `url` naming another database on the same server. */
export function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** `url` whose sessions read and write `schema` (libpq's options parameter, which node-postgres passes on). */
export function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** One client on `url` for `work`, ended afterwards (the bench's database set-up uses it too). */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export class TestDatabase {
  readonly name = `collector_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  private created: Promise<string> | null = null;
  private schemas = 0;

  /** The database's URL, creating the database on first call. */
  url(): Promise<string> {
    this.created ??= (async () => {
      const server = serverUrl();
      await onServer(server, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(this.name)}`));
      return onDatabase(server, this.name);
    })();
    return this.created;
  }

  /** A new empty schema in the file's database, as a URL whose sessions use it. */
  async freshSchemaUrl(): Promise<string> {
    const url = await this.url();
    const schema = `store_${++this.schemas}`;
    await onServer(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
    return inSchema(url, schema);
  }

  async drop(): Promise<void> {
    if (this.created === null) return;
    await this.created.catch(() => undefined);
    this.created = null;
    await onServer(serverUrl(), async (c) => {
      // A closed pool has sent its goodbyes, but its backends may take a moment to go; forcing them out
      // now would answer each with an error (logged by the store). Wait a little, then force: a test
      // that failed half-way may have left a pool open.
      for (let waited = 0; waited < 2000; waited += 50) {
        const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [this.name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(this.name)} WITH (FORCE)`);
    });
  }
}
