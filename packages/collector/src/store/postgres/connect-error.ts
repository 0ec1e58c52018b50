import pg from 'pg';
import { redactedDatabaseUrl } from '../database-url.js';
import { engineMessageOf } from '../migration.js';

/**
 * Start-up's answer when the PostgreSQL server cannot be used at all: one line naming the URL
 * (password masked), the driver's or server's own reason, and what to check for that reason. Anything
 * else (a failing migration, a bug) is not a connection failure and passes through unchanged.
 */
const networkHints: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections there: check that the server is running, and the host and port',
  ENOTFOUND: 'the host name does not resolve: check the host',
  EAI_AGAIN: 'the host name could not be resolved just now: check the host and this machine\'s DNS',
  ETIMEDOUT: 'no answer: check the host and port, and any firewall or security group between',
  EHOSTUNREACH: 'no route to the host: check the host, and any firewall or security group between',
  ENETUNREACH: 'no route to the host: check the host, and this machine\'s network',
  ECONNRESET: 'the server closed the connection: check the port, that the server accepts this client (pg_hba.conf), and sslmode'
};

/** SQLSTATEs that mean the server answered but will not serve this URL (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
const serverHints: Record<string, string> = {
  '3D000': 'the database does not exist: create it (createdb) or correct the database name in the URL',
  '28P01': 'the server refused the password: check the user and password',
  '28000': 'the server refused this login: check the user, and that pg_hba.conf lets it in from this host',
  '3F000': 'the schema to create tables in does not exist: create it, or correct search_path in the URL',
  '42501': 'the user may not create the collector\'s tables: grant it CREATE on the schema, or give it a schema of its own'
};

export class PostgresUnavailableError extends Error {
  override readonly name = 'PostgresUnavailableError';
}

export function connectionFailureOf(err: unknown, databaseUrl: string): PostgresUnavailableError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const hint = code === undefined ? undefined : err instanceof pg.DatabaseError ? serverHints[code] : networkHints[code];
  // node-postgres's own timeout and TLS refusals carry no code; they are told by their text.
  // Node's AggregateError (every address of a name refused) has an empty message and the code alone.
  const message = engineMessageOf(err).replace(/\s+/g, ' ').trim() || (code ?? 'no reason given');
  const textHint = /timeout/i.test(message) ? networkHints.ETIMEDOUT : /SSL|TLS|certificate/i.test(message) ? 'TLS failed: check sslmode in the URL against what the server offers' : undefined;
  const what = hint ?? textHint;
  if (what === undefined) return null;
  return new PostgresUnavailableError(`PostgreSQL at ${redactedDatabaseUrl(databaseUrl)} cannot be used (${message}); ${what}`);
}
