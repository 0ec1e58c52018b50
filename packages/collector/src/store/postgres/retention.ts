import type pg from 'pg';
import { z } from 'zod';
import type { MaintenanceTurn } from '../store.js';
import { countRow, ident, inTransaction, lockSpace, sqlState, sqlStateOf } from './connection.js';
import { monthBounds, type ReportPartitions } from './partitions.js';
import { dayStart } from './rows.js';

/**
 * Retention's delete on PostgreSQL (CollectorStore.deleteReportsBeforeDay), in four steps, each a
 * transaction of its own, with `pause` between the batched ones:
 *
 * 1. corrections that count before the cut-off, with the reports they replaced (few, in one go);
 * 2. every month partition that ends at or before the cut-off, dropped whole: one DROP TABLE however
 *    many reports it holds, instead of a long run of deletes leaving dead rows to vacuum;
 * 3. what is left before the cut-off, in the boundary month's partition, `batch` reports at a time;
 * 4. the claims (report_ids) of the dropped months, `batch` at a time, then the orphaned correction
 *    rows and dirty marks.
 *
 * A stop anywhere leaves only what the next pass deletes: a claim without its report reads as no
 * claim (reports.ts), so step 4 running late is harmless.
 */
export async function deleteReportsBeforeDay(
  pool: pg.Pool,
  partitions: ReportPartitions,
  day: string,
  options: { batch?: number; pause?: () => Promise<void> } = {}
): Promise<number> {
  const { batch = 1000, pause = async () => undefined } = options;
  const cutOff = dayStart(day);
  let n = await inTransaction(pool, async (client) => {
    const { rows } = await client.query(
      `WITH gone AS (DELETE FROM reports WHERE report_id IN (SELECT report_id FROM corrections WHERE counts_at < $1 UNION SELECT supersedes FROM corrections WHERE counts_at < $1) RETURNING report_id),
         unclaimed AS (DELETE FROM report_ids WHERE report_id IN (SELECT report_id FROM gone))
       SELECT count(*) AS n FROM gone`,
      [cutOff]
    );
    return countRow.parse(rows[0]).n;
  });

  for (const { name, month } of await partitions.list()) {
    if (monthBounds(month).to > cutOff) continue;
    const dropped = await dropPartition(pool, name);
    if (dropped === null) continue; // busy: step 3 deletes its rows instead
    partitions.forget(month);
    n += dropped;
    await pause();
  }

  for (;;) {
    const deleted = await inTransaction(pool, async (client) => {
      const { rows } = await client.query(
        `WITH doomed AS (SELECT report_id, received_at FROM reports WHERE received_at < $1 LIMIT $2),
           gone AS (DELETE FROM reports r USING doomed d WHERE r.report_id = d.report_id AND r.received_at = d.received_at RETURNING r.report_id),
           unclaimed AS (DELETE FROM report_ids WHERE report_id IN (SELECT report_id FROM gone))
         SELECT count(*) AS n FROM gone`,
        [cutOff, batch]
      );
      return countRow.parse(rows[0]).n;
    });
    n += deleted;
    if (deleted < batch) break;
    await pause();
  }

  for (;;) {
    // Only claims whose report is gone: a report bulk-loaded into the past meanwhile keeps its claim until the next pass deletes both.
    const { rowCount } = await pool.query(
      `DELETE FROM report_ids WHERE report_id IN (
         SELECT i.report_id FROM report_ids i WHERE i.received_at < $1
           AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.report_id = i.report_id AND r.received_at = i.received_at) LIMIT $2)`,
      [cutOff, batch]
    );
    if ((rowCount ?? 0) < batch) break;
    await pause();
  }
  await inTransaction(pool, async (client) => {
    await client.query('DELETE FROM corrections c WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.report_id = c.report_id)');
    await client.query('DELETE FROM dirty_days WHERE day < $1::date', [day]);
  });
  return n;
}

/**
 * Drops one partition, answering how many reports went with it; null if its lock could not be had
 * within a second. DROP TABLE waits for every query reading the partitioned table, and every
 * query arriving after it would wait behind it, ingest included: better to leave it to the batches.
 */
async function dropPartition(pool: pg.Pool, name: string): Promise<number | null> {
  try {
    return await inTransaction(pool, async (client) => {
      await client.query("SET LOCAL lock_timeout = '1s'");
      const { rows } = await client.query(`SELECT count(*) AS n FROM ${ident(name)}`);
      await client.query(`DROP TABLE ${ident(name)}`);
      return countRow.parse(rows[0]).n;
    });
  } catch (err) {
    if (sqlStateOf(err) === sqlState.lockNotAvailable) return null;
    throw err;
  }
}

/** The schema's maintenance lock, as two int4 keys: collectors on other schemas of the database never contend. */
const maintenanceKey = `${lockSpace.maintenance}, hashtext(current_schema())`;

/**
 * CollectorStore.maintenanceTurn on PostgreSQL: `work` runs while this process holds the schema's
 * session advisory lock, taken with pg_try_advisory_lock on a client checked out for the whole pass.
 * Several collector processes share one database; each runs retention on its own timer, and the ones
 * that find the lock taken skip that pass rather than wait (the holder does the same work).
 *
 * If the holder dies, PostgreSQL ends its session and the lock goes with it. What the pass did is
 * still sound: each day's fold is one transaction that clears the day's dirty mark only at the
 * generation it read, and deletes are batches that the next pass finishes, so the next holder
 * refolds every day still marked and deletes what is left. If only the lock's connection breaks
 * (a network cut), another process may take the lock while this one still works: `lost` aborts
 * then, and the pass stops at its next pause.
 */
export async function maintenanceTurn<T>(pool: pg.Pool, work: (lost: AbortSignal) => Promise<T>): Promise<MaintenanceTurn<T>> {
  const client = await pool.connect();
  const lost = new AbortController();
  const onLost = (err?: Error) => lost.abort(new Error(`the connection holding the maintenance lock ended${err ? ` (${err.message})` : ''}; the pass stopped`));
  // Checked out, a client's connection error has no listener but this one (the pool's is removed).
  client.on('error', onLost);
  client.on('end', onLost);
  let broken: Error | boolean = false;
  try {
    const { rows } = await client.query(`SELECT pg_try_advisory_lock(${maintenanceKey}) AS got`);
    if (!z.object({ got: z.boolean() }).parse(rows[0]).got) return { ran: false };
    try {
      return { ran: true, value: await work(lost.signal) };
    } finally {
      // A connection that still held the lock must not go back to the pool: it would keep every other process out.
      await client.query(`SELECT pg_advisory_unlock(${maintenanceKey})`).catch(() => {
        broken = true;
      });
    }
  } catch (err) {
    broken = true;
    throw err;
  } finally {
    client.off('error', onLost);
    client.off('end', onLost);
    client.release(broken || lost.signal.aborted);
  }
}
