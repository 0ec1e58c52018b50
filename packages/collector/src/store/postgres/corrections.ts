import type pg from 'pg';
import { z } from 'zod';
import type { CorrectionOutcome, HeldReport, RetractionOutcome, RetractionRecord, SeenNonce, StoredReport } from '../store.js';
import { inTransaction, instant, lockFor, lockSpace, type Queryable } from './connection.js';
import { markDay } from './dirty-days.js';
import type { PostgresReports } from './reports.js';
import { insertOne } from './reports.js';
import { reportColumns, reportRow, storedOf } from './rows.js';

/**
 * Corrections and retractions on PostgreSQL, with the SQLite store's semantics (sqlite-corrections.ts).
 * Every change to an installation's chains runs under that installation's advisory lock, as do its
 * erasure and restrictions (rights.ts): checking "not superseded, not retracted" and then acting on it
 * is only sound if no other transaction can supersede, retract or erase in between. Each check is its
 * own statement after the lock is held, so under READ COMMITTED it sees everything committed before.
 */
const heldQuery = `SELECT ${reportColumns('r')}, coalesce(c.counts_at, r.received_at) AS counts_at, c.supersedes, s.report_id AS superseded_by
  FROM reports r LEFT JOIN corrections c ON c.report_id = r.report_id LEFT JOIN corrections s ON s.supersedes = r.report_id
  WHERE r.report_id = $1 AND r.installation_id = $2`;
const heldRow = reportRow.extend({ counts_at: instant, supersedes: z.string().nullable(), superseded_by: z.string().nullable() });
const retractionRow = z.object({
  acknowledgement_id: z.string(),
  installation_id: z.string(),
  report_id: z.string(),
  retracted_at: instant,
  deleted_reports: z.number()
});
const toRetraction = (row: unknown): RetractionRecord => {
  const r = retractionRow.parse(row);
  return { acknowledgementId: r.acknowledgement_id, installationId: r.installation_id, reportId: r.report_id, retractedAt: r.retracted_at, deletedReports: r.deleted_reports };
};

async function held(db: Queryable, installationId: string, reportId: string): Promise<(HeldReport & { countsAt: string }) | null> {
  const { rows } = await db.query(heldQuery, [reportId, installationId]);
  if (rows.length === 0) return null;
  const r = heldRow.parse(rows[0]);
  return { ...storedOf(r), countsAt: r.counts_at, supersedes: r.supersedes, supersededBy: r.superseded_by };
}

export class PostgresCorrections {
  constructor(
    private readonly pool: pg.Pool,
    private readonly reports: PostgresReports
  ) {}

  async reportOf(installationId: string, reportId: string): Promise<HeldReport | null> {
    const report = await held(this.pool, installationId, reportId);
    if (!report) return null;
    const { countsAt: _, ...rest } = report;
    return rest;
  }

  async correctionsOf(installationId: string): Promise<Array<{ reportId: string; supersedes: string }>> {
    const { rows } = await this.pool.query(
      'SELECT c.report_id, c.supersedes FROM corrections c JOIN reports r ON r.report_id = c.report_id WHERE r.installation_id = $1 ORDER BY r.received_at, c.report_id',
      [installationId]
    );
    return rows.map((row) => {
      const r = z.object({ report_id: z.string(), supersedes: z.string() }).parse(row);
      return { reportId: r.report_id, supersedes: r.supersedes };
    });
  }

  insertCorrection(report: StoredReport, nonce: SeenNonce, supersedes: string): Promise<CorrectionOutcome> {
    return this.reports.intoPartitions([report.receivedAt], () =>
      inTransaction(this.pool, async (client): Promise<CorrectionOutcome> => {
        await lockFor(client, lockSpace.installation, report.installationId);
        const old = await held(client, report.installationId, supersedes);
        // Refusals write nothing, not even the nonce: the route answers them without spending it.
        if (!old) return { notFound: true };
        // Superseded by this very report: a repeat, which the insert below answers with what is held.
        if (old.supersededBy !== null && old.supersededBy !== report.reportId) return { superseded: true };
        const outcome = await insertOne(client, report, nonce);
        if ('replayed' in outcome) return outcome;
        if (!outcome.inserted) {
          const { rows } = await client.query('SELECT supersedes FROM corrections WHERE report_id = $1', [outcome.existing.reportId]);
          return { inserted: false, existing: outcome.existing, supersedes: rows.length === 0 ? null : z.object({ supersedes: z.string() }).parse(rows[0]).supersedes };
        }
        await client.query('INSERT INTO corrections (report_id, supersedes, counts_at) VALUES ($1, $2, $3)', [report.reportId, supersedes, old.countsAt]);
        await markDay(client, old.countsAt.slice(0, 10));
        return { inserted: true };
      })
    );
  }

  retractReport(installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }): Promise<RetractionOutcome> {
    return inTransaction(this.pool, async (client): Promise<RetractionOutcome> => {
      await lockFor(client, lockSpace.installation, installationId);
      const before = await client.query('SELECT * FROM retractions WHERE installation_id = $1 AND report_id = $2', [installationId, reportId]);
      if (before.rows.length > 0) return { retracted: toRetraction(before.rows[0]), repeat: true, deletedReportIds: [] };
      const report = await held(client, installationId, reportId);
      if (!report) return { notFound: true };
      // Only the newest report of a chain counts; retracting an older one would orphan the newer.
      if (report.supersededBy !== null) return { superseded: true };
      // The chain back from the newest, each step found through the correction that replaced it.
      const { rows } = await client.query(
        `WITH RECURSIVE chain(id) AS (SELECT $1::text COLLATE "C" UNION ALL SELECT c.supersedes FROM corrections c JOIN chain ON c.report_id = chain.id),
           gone AS (DELETE FROM reports r USING chain WHERE r.report_id = chain.id AND r.installation_id = $2
                    RETURNING r.report_id, coalesce((SELECT counts_at FROM corrections c WHERE c.report_id = r.report_id), r.received_at) AS counts_at),
           unclaimed AS (DELETE FROM report_ids WHERE report_id IN (SELECT report_id FROM gone)),
           uncorrected AS (DELETE FROM corrections WHERE report_id IN (SELECT report_id FROM gone))
         SELECT report_id, counts_at FROM gone`,
        [reportId, installationId]
      );
      const gone = rows.map((row) => z.object({ report_id: z.string(), counts_at: instant }).parse(row));
      for (const day of [...new Set(gone.map((g) => g.counts_at.slice(0, 10)))].sort()) await markDay(client, day);
      const record: RetractionRecord = { ...ack, installationId, reportId, deletedReports: gone.length };
      await client.query('INSERT INTO retractions (acknowledgement_id, installation_id, report_id, retracted_at, deleted_reports) VALUES ($1, $2, $3, $4, $5)', [
        record.acknowledgementId,
        installationId,
        reportId,
        record.retractedAt,
        record.deletedReports
      ]);
      return { retracted: record, repeat: false, deletedReportIds: gone.map((g) => g.report_id) };
    });
  }

  async retractionsOf(installationId: string): Promise<RetractionRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM retractions WHERE installation_id = $1 ORDER BY retracted_at, acknowledgement_id', [installationId]);
    return rows.map(toRetraction);
  }
}
