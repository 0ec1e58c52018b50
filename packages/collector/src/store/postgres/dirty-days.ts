import type { Queryable } from './connection.js';
import { utcDay } from './rows.js';

/**
 * Dirty marks: a day whose raw reports changed, to be refolded. Each mark bumps the day's generation,
 * so a fold that read the day before the change cannot clear the mark the change made (aggregates.ts).
 */
export const upsertDay = 'ON CONFLICT (day) DO UPDATE SET generation = dirty_days.generation + 1';

export async function markDay(db: Queryable, day: string): Promise<void> {
  await db.query(`INSERT INTO dirty_days (day, generation) VALUES ($1::date, 1) ${upsertDay}`, [day]);
}

/**
 * Marks every day on which one of the installation's reports counts (a correction on the day it
 * stands in for). In day order: two transactions marking many days each take the rows' locks in the
 * same order, so they queue instead of deadlocking.
 */
export async function markCountedDaysOf(db: Queryable, installationId: string): Promise<void> {
  await db.query(
    `INSERT INTO dirty_days (day, generation)
     SELECT DISTINCT ${utcDay('coalesce(c.counts_at, r.received_at)')}, 1 FROM reports r LEFT JOIN corrections c ON c.report_id = r.report_id
     WHERE r.installation_id = $1 ORDER BY 1 ${upsertDay}`,
    [installationId]
  );
}
