import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CorrectionOutcome, CountedReport, HeldReport, InsertOutcome, RetractionOutcome, RetractionRecord, SeenNonce, StoredReport } from './store.js';

/**
 * Corrections and retractions in the SQLite store (packages/core/src/collector-api/corrections.ts).
 *
 * Who replaced whom lives in its own table, `corrections` (sqlite/0001-initial.ts), rather than in
 * columns of `reports`: ingest's insert, the hot path, writes and indexes nothing more. A row exists
 * exactly while its correcting report does. `counts_at` is the instant the replaced report counted at
 * (its receipt, or its own `counts_at` along a chain), so the fold places the correction on that day
 * and, within the day, where the replaced report stood.
 */

/** The fold instant of a report `r` joined with its own correction row `c` (if it is a correction). */
const countsAt = 'coalesce(c.counts_at, r.received_at)';

/** A dirty mark written again bumps its day's generation, so a fold that read the day before cannot clear it. */
export const upsertDay = 'ON CONFLICT (day) DO UPDATE SET generation = generation + 1';

/** Marks one fold day (?: YYYY-MM-DD). */
export const markDay = `INSERT INTO dirty_days (day, generation) VALUES (?, 1) ${upsertDay}`;

/** Marks a fold day of every report of one installation; the store's restriction and erasure paths use it. */
export const markCountedDaysOf = `INSERT INTO dirty_days (day, generation)
  SELECT DISTINCT substr(${countsAt}, 1, 10), 1 FROM reports r LEFT JOIN corrections c ON c.report_id = r.report_id WHERE r.installation_id = ? AND true
  ${upsertDay}`;

const heldRow = z.object({
  report_id: z.string(),
  receipt_id: z.string(),
  installation_id: z.string(),
  received_at: z.string(),
  digest: z.string(),
  bytes: z.string(),
  counts_at: z.string(),
  supersedes: z.string().nullable(),
  superseded_by: z.string().nullable()
});
const pageRow = heldRow.extend({ page_key: z.number() });
const retractionRow = z.object({
  acknowledgement_id: z.string(),
  installation_id: z.string(),
  report_id: z.string(),
  retracted_at: z.string(),
  deleted_reports: z.number()
});
const toRetraction = (row: unknown): RetractionRecord => {
  const r = retractionRow.parse(row);
  return { acknowledgementId: r.acknowledgement_id, installationId: r.installation_id, reportId: r.report_id, retractedAt: r.retracted_at, deletedReports: r.deleted_reports };
};
const storedOf = (r: z.infer<typeof heldRow>): StoredReport => ({
  reportId: r.report_id,
  receiptId: r.receipt_id,
  installationId: r.installation_id,
  receivedAt: r.received_at,
  digest: r.digest,
  bytes: r.bytes
});

export class SqliteCorrections {
  private readonly stmts;
  private readonly insertCorrectionTx: (report: StoredReport, nonce: SeenNonce, supersedes: string) => CorrectionOutcome;
  private readonly retractTx: (installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }) => RetractionOutcome;

  constructor(
    db: Database.Database,
    /** The store's own insert (nonce, report, dirty mark), run inside the correction's transaction. */
    private readonly insertOne: (report: StoredReport, nonce: SeenNonce) => InsertOutcome,
    private readonly markDay: (day: string) => void
  ) {
    const held = `SELECT r.*, ${countsAt} AS counts_at, c.supersedes AS supersedes, s.report_id AS superseded_by
      FROM reports r LEFT JOIN corrections c ON c.report_id = r.report_id LEFT JOIN corrections s ON s.supersedes = r.report_id`;
    const notSuperseded = 'NOT EXISTS (SELECT 1 FROM corrections s WHERE s.supersedes = r.report_id)';
    this.stmts = {
      reportOf: db.prepare(`${held} WHERE r.report_id = ? AND r.installation_id = ?`),
      // Two halves, each on its own index: ordinary reports by receipt, corrections by where they count.
      countedBetween: db.prepare(
        `SELECT r.*, r.received_at AS counts_at, NULL AS supersedes, NULL AS superseded_by FROM reports r
           WHERE r.received_at >= ? AND r.received_at < ? AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.report_id = r.report_id) AND ${notSuperseded}
         UNION ALL
         SELECT r.*, c.counts_at AS counts_at, c.supersedes AS supersedes, NULL AS superseded_by FROM corrections c JOIN reports r ON r.report_id = c.report_id
           WHERE c.counts_at >= ? AND c.counts_at < ? AND ${notSuperseded}`
      ),
      // The same two halves a page at a time, each walked in its own index's order: (received_at, rowid)
      // is the received_at index itself, and (counts_at, rowid) the corrections one.
      ordinaryPage: db.prepare(
        `SELECT r.rowid AS page_key, r.*, r.received_at AS counts_at, NULL AS supersedes, NULL AS superseded_by FROM reports r
           WHERE r.received_at >= ? AND r.received_at < ? AND (r.received_at, r.rowid) > (?, ?)
             AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.report_id = r.report_id) AND ${notSuperseded}
           ORDER BY r.received_at, r.rowid LIMIT ?`
      ),
      correctionPage: db.prepare(
        `SELECT c.rowid AS page_key, r.*, c.counts_at AS counts_at, c.supersedes AS supersedes, NULL AS superseded_by FROM corrections c JOIN reports r ON r.report_id = c.report_id
           WHERE c.counts_at >= ? AND c.counts_at < ? AND (c.counts_at, c.rowid) > (?, ?) AND ${notSuperseded}
           ORDER BY c.counts_at, c.rowid LIMIT ?`
      ),
      correctionOf: db.prepare('SELECT supersedes FROM corrections WHERE report_id = ?'),
      correctionsOf: db.prepare(
        'SELECT c.report_id, c.supersedes FROM corrections c JOIN reports r ON r.report_id = c.report_id WHERE r.installation_id = ? ORDER BY r.received_at, c.report_id'
      ),
      insertCorrection: db.prepare('INSERT INTO corrections (report_id, supersedes, counts_at) VALUES (?, ?, ?)'),
      chain: db.prepare(
        'WITH RECURSIVE chain(id) AS (SELECT ? UNION ALL SELECT c.supersedes FROM corrections c JOIN chain ON c.report_id = chain.id) SELECT id FROM chain'
      ),
      deleteReport: db.prepare('DELETE FROM reports WHERE report_id = ? AND installation_id = ?'),
      deleteCorrection: db.prepare('DELETE FROM corrections WHERE report_id = ?'),
      deleteCountedBefore: db.prepare(
        `DELETE FROM reports WHERE report_id IN (SELECT report_id FROM corrections WHERE counts_at < ?) OR report_id IN (SELECT supersedes FROM corrections WHERE counts_at < ?)`
      ),
      pruneCorrections: db.prepare('DELETE FROM corrections WHERE report_id NOT IN (SELECT report_id FROM reports)'),
      retractionOf: db.prepare('SELECT * FROM retractions WHERE installation_id = ? AND report_id = ?'),
      retractionsOf: db.prepare('SELECT * FROM retractions WHERE installation_id = ? ORDER BY retracted_at, acknowledgement_id'),
      insertRetraction: db.prepare(
        'INSERT INTO retractions (acknowledgement_id, installation_id, report_id, retracted_at, deleted_reports) VALUES (?, ?, ?, ?, ?)'
      )
    };
    const insertCorrection = db.transaction(this.insertCorrectionOnce);
    this.insertCorrectionTx = (...args) => insertCorrection.immediate(...args);
    const retract = db.transaction(this.retractOnce);
    this.retractTx = (...args) => retract.immediate(...args);
  }

  private held(installationId: string, reportId: string): (HeldReport & { countsAt: string }) | null {
    const row = this.stmts.reportOf.get(reportId, installationId);
    if (row === undefined) return null;
    const r = heldRow.parse(row);
    return { ...storedOf(r), countsAt: r.counts_at, supersedes: r.supersedes, supersededBy: r.superseded_by };
  }

  reportOf(installationId: string, reportId: string): HeldReport | null {
    const held = this.held(installationId, reportId);
    if (!held) return null;
    const { countsAt: _, ...report } = held;
    return report;
  }

  countedBetween(fromInstant: string, toInstant: string): CountedReport[] {
    return this.stmts.countedBetween.all(fromInstant, toInstant, fromInstant, toInstant).map((row) => {
      const r = heldRow.parse(row);
      return { ...storedOf(r), countsAt: r.counts_at };
    });
  }

  /** `countedBetween`, at most `pageSize` rows per page: a generator the caller may pause between pages. */
  *countedBetweenInPages(fromInstant: string, toInstant: string, pageSize: number): Generator<CountedReport[]> {
    for (const half of [this.stmts.ordinaryPage, this.stmts.correctionPage]) {
      // Before every key: '' sorts before any instant, and rowids start at 1.
      let after: [string, number] = ['', 0];
      for (;;) {
        const rows = half.all(fromInstant, toInstant, after[0], after[1], pageSize).map((row) => pageRow.parse(row));
        if (rows.length > 0) yield rows.map((r) => ({ ...storedOf(r), countsAt: r.counts_at }));
        if (rows.length < pageSize) break;
        const last = rows[rows.length - 1] as (typeof rows)[number];
        after = [last.counts_at, last.page_key];
      }
    }
  }

  correctionsOf(installationId: string): Array<{ reportId: string; supersedes: string }> {
    return this.stmts.correctionsOf.all(installationId).map((row) => {
      const r = z.object({ report_id: z.string(), supersedes: z.string() }).parse(row);
      return { reportId: r.report_id, supersedes: r.supersedes };
    });
  }

  insertCorrection(report: StoredReport, nonce: SeenNonce, supersedes: string): CorrectionOutcome {
    return this.insertCorrectionTx(report, nonce, supersedes);
  }

  private readonly insertCorrectionOnce = (report: StoredReport, nonce: SeenNonce, supersedes: string): CorrectionOutcome => {
    const old = this.held(report.installationId, supersedes);
    // Checked again here, inside the transaction, though the route looked first: a retraction or
    // another correction may have landed in between.
    if (!old) return { notFound: true };
    // Superseded by this very report: a repeat, which the insert below answers with what is held.
    if (old.supersededBy !== null && old.supersededBy !== report.reportId) return { superseded: true };
    const outcome = this.insertOne(report, nonce);
    if ('replayed' in outcome) return outcome;
    if (!outcome.inserted) {
      const row = this.stmts.correctionOf.get(outcome.existing.reportId);
      return { inserted: false, existing: outcome.existing, supersedes: row === undefined ? null : z.object({ supersedes: z.string() }).parse(row).supersedes };
    }
    this.stmts.insertCorrection.run(report.reportId, supersedes, old.countsAt);
    this.markDay(old.countsAt.slice(0, 10));
    return { inserted: true };
  };

  retractReport(installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }): RetractionOutcome {
    return this.retractTx(installationId, reportId, ack);
  }

  private readonly retractOnce = (installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }): RetractionOutcome => {
    const before = this.stmts.retractionOf.get(installationId, reportId);
    if (before !== undefined) return { retracted: toRetraction(before), repeat: true, deletedReportIds: [] };
    const report = this.held(installationId, reportId);
    if (!report) return { notFound: true };
    // Only the newest report of a chain counts; retracting an older one would orphan the newer.
    if (report.supersededBy !== null) return { superseded: true };
    const ids = this.stmts.chain.all(reportId).map((row) => z.object({ id: z.string() }).parse(row).id);
    const days = new Set<string>();
    const deletedReportIds: string[] = [];
    for (const id of ids) {
      const held = this.held(installationId, id);
      if (!held) continue;
      days.add(held.countsAt.slice(0, 10));
      if (this.stmts.deleteReport.run(id, installationId).changes > 0) deletedReportIds.push(id);
      this.stmts.deleteCorrection.run(id);
    }
    for (const day of days) this.markDay(day);
    const record: RetractionRecord = { ...ack, installationId, reportId, deletedReports: deletedReportIds.length };
    this.stmts.insertRetraction.run(record.acknowledgementId, installationId, reportId, record.retractedAt, record.deletedReports);
    return { retracted: record, repeat: false, deletedReportIds };
  };

  retractionsOf(installationId: string): RetractionRecord[] {
    return this.stmts.retractionsOf.all(installationId).map(toRetraction);
  }

  /** Retention's part: corrections counting before `day` go with that day's reports, and the reports they replaced. */
  deleteCountedBefore(day: string): number {
    return this.stmts.deleteCountedBefore.run(day, day).changes;
  }

  /** Drops the rows of corrections whose report was deleted; run in the transaction that deleted it. */
  pruneCorrections(): void {
    this.stmts.pruneCorrections.run();
  }
}
