import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { RetractionRecord } from '../store.js';
import { markDay } from '../sqlite-corrections.js';

const goneRow = z.object({ report_id: z.string(), counts_at: z.string() });

/**
 * SQLite's half of CollectorStore.reapplyRetraction (deletion-log/replay.ts calls it at start-up): in
 * one IMMEDIATE transaction, finds the named reports and, through the corrections the restored file
 * holds, every report they superseded; marks the days they counted on, deletes them with their
 * correction rows, and records the retraction unless the file holds it already. Prepared per call, as
 * reapply-deletion.ts is: it runs once per logged retraction at start-up, never on a request.
 */
export function reapplyRetractionSqlite(db: Database.Database, record: RetractionRecord, reportIds: readonly string[]): number {
  // received_at and retractedAt are both ISO-8601 UTC to the millisecond, so text order is time order:
  // a report sent again under one of these ids after the retraction stays.
  const gone = db.prepare(
    `WITH RECURSIVE chain(id) AS (SELECT value FROM json_each(?) UNION SELECT c.supersedes FROM corrections c JOIN chain ON c.report_id = chain.id)
     SELECT r.report_id, coalesce(c.counts_at, r.received_at) AS counts_at FROM chain JOIN reports r ON r.report_id = chain.id LEFT JOIN corrections c ON c.report_id = r.report_id
     WHERE r.installation_id = ? AND r.received_at <= ?`
  );
  const markDayOf = db.prepare(markDay);
  const deleteReport = db.prepare('DELETE FROM reports WHERE report_id = ?');
  const deleteCorrection = db.prepare('DELETE FROM corrections WHERE report_id = ?');
  const recordRetraction = db.prepare(
    'INSERT INTO retractions (acknowledgement_id, installation_id, report_id, retracted_at, deleted_reports) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'
  );
  return db
    .transaction((): number => {
      const reports = gone.all(JSON.stringify(reportIds), record.installationId, record.retractedAt).map((row) => goneRow.parse(row));
      for (const day of new Set(reports.map((r) => r.counts_at.slice(0, 10)))) markDayOf.run(day);
      for (const r of reports) {
        deleteReport.run(r.report_id);
        deleteCorrection.run(r.report_id);
      }
      recordRetraction.run(record.acknowledgementId, record.installationId, record.reportId, record.retractedAt, record.deletedReports);
      return reports.length;
    })
    .immediate();
}
