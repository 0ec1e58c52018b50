import type pg from 'pg';
import { z } from 'zod';
import type { CountedReport } from '../store.js';
import { instant } from './connection.js';
import { reportColumns, reportRow, storedOf, utcDay } from './rows.js';

/**
 * What the fold reads: the reports that count in a span of instants, as the SQLite store defines them
 * (sqlite-corrections.ts). Two halves, each on its own index: ordinary reports by receipt (never a
 * correction, never superseded), and corrections by the instant they count at (never superseded).
 */
const notSuperseded = 'NOT EXISTS (SELECT 1 FROM corrections s WHERE s.supersedes = r.report_id)';
const isNoCorrection = 'NOT EXISTS (SELECT 1 FROM corrections c WHERE c.report_id = r.report_id)';
const countedRow = reportRow.extend({ counts_at: instant });
const toCounted = (row: unknown): CountedReport => {
  const r = countedRow.parse(row);
  return { ...storedOf(r), countsAt: r.counts_at };
};

/** $1, $2: the span; $3, $4: the page key to start after; $5: the page size. */
const ordinaryPage = `SELECT ${reportColumns('r')}, r.received_at AS counts_at, r.report_id AS key_id FROM reports r
  WHERE r.received_at >= $1 AND r.received_at < $2 AND (r.received_at, r.report_id) > ($3::timestamptz, $4::text) AND ${isNoCorrection} AND ${notSuperseded}
  ORDER BY r.received_at, r.report_id LIMIT $5`;
// A correction arrives after the report it replaced counted, so its own partition is at or after the span's start.
const correctionPage = `SELECT ${reportColumns('r')}, c.counts_at, c.report_id AS key_id FROM corrections c JOIN reports r ON r.report_id = c.report_id AND r.received_at >= $1
  WHERE c.counts_at >= $1 AND c.counts_at < $2 AND (c.counts_at, c.report_id) > ($3::timestamptz, $4::text) AND ${notSuperseded}
  ORDER BY c.counts_at, c.report_id LIMIT $5`;

export class PostgresCounted {
  constructor(private readonly pool: pg.Pool) {}

  async countedBetween(fromInstant: string, toInstant: string): Promise<CountedReport[]> {
    const out: CountedReport[] = [];
    for await (const page of this.countedBetweenInPages(fromInstant, toInstant, 10_000)) out.push(...page);
    return out;
  }

  /** Keyset pages: each query starts after the last key of the one before, so none holds a cursor open between pages. */
  async *countedBetweenInPages(fromInstant: string, toInstant: string, pageSize: number): AsyncGenerator<CountedReport[]> {
    for (const half of [ordinaryPage, correctionPage]) {
      let after: [string, string] = [fromInstant, ''];
      for (;;) {
        const { rows } = await this.pool.query(half, [fromInstant, toInstant, after[0], after[1], pageSize]);
        const page = rows.map(toCounted);
        if (page.length > 0) yield page;
        if (rows.length < pageSize) break;
        const last = page[page.length - 1] as CountedReport;
        after = [last.countsAt, z.object({ key_id: z.string() }).parse(rows[rows.length - 1]).key_id];
      }
    }
  }

  async reportingDaysThrough(fromInstant: string, toInstant: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query(
      `SELECT installation_id, count(DISTINCT ${utcDay('received_at')}) AS days FROM reports
       WHERE received_at < $2 AND installation_id IN (SELECT installation_id FROM reports WHERE received_at >= $1 AND received_at < $2)
       GROUP BY installation_id`,
      [fromInstant, toInstant]
    );
    const row = z.object({ installation_id: z.string(), days: z.coerce.number() });
    return new Map(rows.map((r) => row.parse(r)).map((r) => [r.installation_id, r.days]));
  }
}
