import pg from 'pg';
import { z } from 'zod';

/** A pool or one of its checked-out clients: reads run on either, a transaction on one client. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * Advisory lock spaces, the first of the two int4 keys (the second names the object: a schema, a
 * day). Arbitrary constants, distinct so that the store's locks never meet another application's.
 */
export const lockSpace = {
  migrations: 0x55520001,
  partitions: 0x55520002,
  foldDay: 0x55520003,
  /** What changes an installation's chains, key chain, restrictions or erasure takes its turn on this. */
  installation: 0x55520004,
  /** Retention and the fold (aggregate/retention.ts): one process at a time per schema, held for a whole pass. */
  maintenance: 0x55520005
} as const;

/** Takes the transaction-scoped advisory lock of `space` for `name` (hashed to the second key). */
export async function lockFor(client: pg.PoolClient, space: number, name: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1::int4, hashtext($2))', [space, name]);
}

/** SQLSTATE codes the store tells apart (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const sqlState = {
  uniqueViolation: '23505',
  /** Also what inserting a row with no partition for it raises. */
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
  lockNotAvailable: '55P03'
} as const;

/** A server error's SQLSTATE; undefined for anything else (a lost connection, a bug). */
export function sqlStateOf(err: unknown): string | undefined {
  return err instanceof pg.DatabaseError && typeof err.code === 'string' ? err.code : undefined;
}

/** A row's timestamptz column as the store hands instants out: ISO-8601 UTC to the millisecond, as they went in. */
export const instant = z.date().transform((d) => d.toISOString());

/** A count or sum, which PostgreSQL returns as bigint (a string over the wire) unless cast. */
export const countRow = z.object({ n: z.coerce.number().int() });

/** Worth running again from the start: the engine rolled the transaction back, nothing was written. */
const retried = new Set<string>([sqlState.serializationFailure, sqlState.deadlockDetected]);
const maxAttempts = 5;

/**
 * Runs `work` in one transaction on one client of the pool, and again (up to five times in all) if
 * PostgreSQL aborted it as a deadlock or serialisation failure: two collector processes on one
 * database can meet on the same rows (a day's dirty mark, an installation's key chain), and the loser
 * is rolled back whole, so a retry is safe. `work` must therefore do nothing but talk to the database.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, options: { isolation?: 'read committed' | 'serializable' } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(options.isolation === 'serializable' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // A connection that cannot even roll back is dropped from the pool, not handed to the next caller.
      await client.query('ROLLBACK').catch((rollbackErr: unknown) => {
        broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
      });
      const code = sqlStateOf(err);
      if (attempt >= maxAttempts || code === undefined || !retried.has(code)) throw err;
    } finally {
      client.release(broken);
    }
    // Apart, so the two contenders do not meet again at once.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
  }
}

/**
 * Identifiers built from our own constants and digits only; anything else is a programming error,
 * never input, so it throws rather than escapes.
 */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}
