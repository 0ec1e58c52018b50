import type pg from 'pg';
import type { DeletionRecord } from '../store.js';
import { countRow, inTransaction, lockFor, lockSpace } from './connection.js';
import { upsertDay } from './dirty-days.js';
import { utcDay } from './rows.js';

/**
 * PostgreSQL's half of CollectorStore.reapplyDeletion (deletion-log/replay.ts calls it at start-up):
 * under the installation's lock, as an erasure request takes it (rights.ts), marks the days its reports
 * up to the deletion counted on, deletes those reports with their id claims and corrections, and
 * records the acknowledgement unless the database holds it already.
 */
export function reapplyDeletionPostgres(pool: pg.Pool, record: DeletionRecord): Promise<number> {
  return inTransaction(pool, async (client) => {
    await lockFor(client, lockSpace.installation, record.installationId);
    const args = [record.installationId, record.acknowledgedAt];
    // Marked before deleting: the marks are found through the reports being deleted. In day order, as markCountedDaysOf does.
    await client.query(
      `INSERT INTO dirty_days (day, generation)
       SELECT DISTINCT ${utcDay('coalesce(c.counts_at, r.received_at)')}, 1 FROM reports r LEFT JOIN corrections c ON c.report_id = r.report_id
       WHERE r.installation_id = $1 AND r.received_at <= $2 ORDER BY 1
       ${upsertDay}`,
      args
    );
    const { rows } = await client.query(
      `WITH gone AS (DELETE FROM reports WHERE installation_id = $1 AND received_at <= $2 RETURNING report_id),
         unclaimed AS (DELETE FROM report_ids WHERE report_id IN (SELECT report_id FROM gone)),
         uncorrected AS (DELETE FROM corrections WHERE report_id IN (SELECT report_id FROM gone))
       SELECT count(*) AS n FROM gone`,
      args
    );
    await client.query(
      'INSERT INTO deletions (acknowledgement_id, installation_id, acknowledged_at, deleted_reports) VALUES ($1, $2, $3, $4) ON CONFLICT (acknowledgement_id) DO NOTHING',
      [record.acknowledgementId, record.installationId, record.acknowledgedAt, record.deletedReports]
    );
    return countRow.parse(rows[0]).n;
  });
}
