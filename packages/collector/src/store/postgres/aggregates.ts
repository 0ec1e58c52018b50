import type pg from 'pg';
import { z } from 'zod';
import { purposeSchema } from '@usage-reporting/core';
import type { AggregateCell, AggregateQuery, DirtyDay } from '../store.js';
import { inTransaction, lockFor, lockSpace } from './connection.js';
import { dayText } from './rows.js';

/**
 * Dirty days and the folded aggregates on PostgreSQL. No installation or report id ever reaches these
 * tables; k-suppression happened before (aggregate/fold-day.ts), the store only keeps the cells.
 */
const cellColumns = `${dayText('day')} AS day, purpose, field, value, installations`;
const aggregateRow = z.object({ day: z.string(), purpose: purposeSchema, field: z.string(), value: z.string(), installations: z.number() });
const toCell = (row: unknown): AggregateCell => aggregateRow.parse(row);
/** Once, not per row: up to two years of dirty days are read at once. */
const dirtyDayRow = z.object({ day: z.string(), generation: z.number() });

export class PostgresAggregates {
  constructor(private readonly pool: pg.Pool) {}

  async dirtyDays(): Promise<DirtyDay[]> {
    const { rows } = await this.pool.query(`SELECT ${dayText('day')} AS day, generation FROM dirty_days ORDER BY day`);
    return rows.map((row) => dirtyDayRow.parse(row));
  }

  /**
   * Two collector processes may fold the same day at once; each replaces the whole day, so they take
   * turns on the day's advisory lock (otherwise the second's inserts would meet the first's rows).
   * The dirty mark goes only if still at the generation the fold read: a change since keeps it.
   */
  replaceDayAggregates(day: DirtyDay, cells: AggregateCell[]): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await lockFor(client, lockSpace.foldDay, day.day);
      await client.query('DELETE FROM aggregates WHERE day = $1::date', [day.day]);
      if (cells.length > 0) {
        await client.query(
          'INSERT INTO aggregates (day, purpose, field, value, installations) SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int[])',
          [cells.map((c) => c.day), cells.map((c) => c.purpose), cells.map((c) => c.field), cells.map((c) => c.value), cells.map((c) => c.installations)]
        );
      }
      await client.query('DELETE FROM dirty_days WHERE day = $1::date AND generation = $2', [day.day, day.generation]);
    });
  }

  async aggregates(): Promise<AggregateCell[]> {
    const { rows } = await this.pool.query(`SELECT ${cellColumns} FROM aggregates ORDER BY aggregates.day, purpose, field, value`);
    return rows.map(toCell);
  }

  /** min() and max() of the primary key's first column come from the two ends of its index. */
  async aggregateSpan(): Promise<{ firstDay: string; lastDay: string } | null> {
    const { rows } = await this.pool.query(`SELECT ${dayText('min(day)')} AS first, ${dayText('max(day)')} AS last FROM aggregates`);
    const r = z.object({ first: z.string().nullable(), last: z.string().nullable() }).parse(rows[0]);
    return r.first === null || r.last === null ? null : { firstDay: r.first, lastDay: r.last };
  }

  async aggregatesOnDay(day: string): Promise<AggregateCell[]> {
    const { rows } = await this.pool.query(`SELECT ${cellColumns} FROM aggregates WHERE aggregates.day = $1::date ORDER BY purpose, field, value`, [day]);
    return rows.map(toCell);
  }

  async aggregatesFor(query: AggregateQuery): Promise<AggregateCell[]> {
    const { rows } = await this.pool.query(
      `SELECT ${cellColumns} FROM aggregates WHERE field = $1 AND aggregates.day >= $2::date AND aggregates.day <= $3::date ORDER BY aggregates.day, purpose, value`,
      [query.field, query.fromDay, query.toDay]
    );
    return rows.map(toCell);
  }
}
