import type Database from 'better-sqlite3';
import type { DeletionRecord } from '../store.js';
import { upsertDay } from '../sqlite-corrections.js';

/**
 * SQLite's half of CollectorStore.reapplyDeletion (deletion-log/replay.ts calls it at start-up): in one
 * IMMEDIATE transaction, marks the days the installation's reports up to the deletion counted on,
 * deletes those reports, drops corrections whose report went with them, and records the
 * acknowledgement unless the file holds it already. Prepared per call: it runs once per logged
 * deletion at start-up, never on a request.
 */
export function reapplyDeletionSqlite(db: Database.Database, record: DeletionRecord): number {
  const markDays = db.prepare(`INSERT INTO dirty_days (day, generation)
    SELECT DISTINCT substr(coalesce(c.counts_at, r.received_at), 1, 10), 1 FROM reports r LEFT JOIN corrections c ON c.report_id = r.report_id
    WHERE r.installation_id = ? AND r.received_at <= ?
    ${upsertDay}`);
  const deleteReports = db.prepare('DELETE FROM reports WHERE installation_id = ? AND received_at <= ?');
  const pruneCorrections = db.prepare('DELETE FROM corrections WHERE report_id NOT IN (SELECT report_id FROM reports)');
  const recordDeletion = db.prepare('INSERT INTO deletions (acknowledgement_id, installation_id, acknowledged_at, deleted_reports) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  return db
    .transaction((): number => {
      // received_at and acknowledgedAt are both ISO-8601 UTC to the millisecond, so text order is time order.
      markDays.run(record.installationId, record.acknowledgedAt);
      const removed = deleteReports.run(record.installationId, record.acknowledgedAt).changes;
      if (removed > 0) pruneCorrections.run();
      recordDeletion.run(record.acknowledgementId, record.installationId, record.acknowledgedAt, record.deletedReports);
      return removed;
    })
    .immediate();
}
