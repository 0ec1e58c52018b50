import type pg from 'pg';
import { z } from 'zod';
import { ident, inTransaction, lockSpace, sqlState, sqlStateOf, type Queryable } from './connection.js';

/**
 * The month partitions of `reports`, one per UTC calendar month of received_at, named
 * reports_yYYYYmMM. They are made on demand (the first report of a month, or one bulk-loaded into
 * the past) and ahead (this month and the next when the store opens), and retention drops a whole one
 * once its month is past the cut-off (retention.ts). Only partitions named this way are ever dropped.
 */
const namePattern = /^reports_y(\d{4})m(\d{2})$/;

/** 'YYYY-MM' of an ISO instant, in UTC. */
export const monthOf = (isoInstant: string): string => new Date(isoInstant).toISOString().slice(0, 7);

export const partitionOf = (month: string): string => `reports_y${month.slice(0, 4)}m${month.slice(5, 7)}`;

/** The month's first instant, and the next month's: a partition's bounds, both UTC, written with a Z so no session zone reads them. */
export function monthBounds(month: string): { from: string; to: string } {
  const from = new Date(`${month}-01T00:00:00.000Z`);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

export const nextMonth = (month: string): string => monthOf(monthBounds(month).to);

export const isMissingPartition = (err: unknown): boolean =>
  sqlStateOf(err) === sqlState.checkViolation && err instanceof Error && /no partition of relation/.test(err.message);

export class ReportPartitions {
  /** Months known to have a partition. A stale entry (dropped by another process) costs one failed insert, which `ensure` then repairs. */
  private readonly known = new Set<string>();

  constructor(private readonly pool: pg.Pool) {}

  /** Creates the months' partitions that are missing; a month seen before costs nothing. */
  async ensure(months: Iterable<string>): Promise<void> {
    const missing = [...new Set(months)].filter((m) => !this.known.has(m));
    if (missing.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      // CREATE TABLE IF NOT EXISTS is not safe against itself: two processes creating one partition at
      // once can both pass the check. The lock, per schema, makes them take turns.
      await client.query(`SELECT pg_advisory_xact_lock(${lockSpace.partitions}, hashtext(current_schema()))`);
      for (const month of missing.sort()) {
        const { from, to } = monthBounds(month);
        await client.query(`CREATE TABLE IF NOT EXISTS ${ident(partitionOf(month))} PARTITION OF reports FOR VALUES FROM ('${from}') TO ('${to}')`);
      }
    });
    for (const month of missing) this.known.add(month);
  }

  /** Months whose partition is gone, or may be: the next insert into one makes it again. */
  forget(month: string): void {
    this.known.delete(month);
  }

  /** Every partition of ours, oldest month first. */
  async list(db: Queryable = this.pool): Promise<Array<{ name: string; month: string }>> {
    const { rows } = await db.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'reports'::regclass ORDER BY c.relname`
    );
    return rows.flatMap((row) => {
      const { name } = z.object({ name: z.string() }).parse(row);
      const m = namePattern.exec(name);
      return m ? [{ name, month: `${m[1]}-${m[2]}` }] : [];
    });
  }
}
