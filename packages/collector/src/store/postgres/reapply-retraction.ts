import type pg from 'pg';
import { z } from 'zod';
import type { RetractionRecord } from '../store.js';
import { inTransaction, instant, lockFor, lockSpace } from './connection.js';
import { markDay } from './dirty-days.js';

/**
 * PostgreSQL's half of CollectorStore.reapplyRetraction (deletion-log/replay.ts calls it at start-up):
 * under the installation's lock, as a retraction takes it (corrections.ts), deletes the named reports
 * and every report they superseded in the restored database, with their id claims and corrections,
 * marks the days they counted on, and records the retraction unless the database holds it already.
 */
export function reapplyRetractionPostgres(pool: pg.Pool, record: RetractionRecord, reportIds: readonly string[]): Promise<number> {
  return inTransaction(pool, async (client) => {
    await lockFor(client, lockSpace.installation, record.installationId);
    // Only reports received by the retraction: one sent again under such an id afterwards stays.
    const { rows } = await client.query(
      `WITH RECURSIVE chain(id) AS (SELECT unnest($1::text[]) COLLATE "C" UNION SELECT c.supersedes FROM corrections c JOIN chain ON c.report_id = chain.id),
         gone AS (DELETE FROM reports r USING chain WHERE r.report_id = chain.id AND r.installation_id = $2 AND r.received_at <= $3
                  RETURNING r.report_id, coalesce((SELECT counts_at FROM corrections c WHERE c.report_id = r.report_id), r.received_at) AS counts_at),
         unclaimed AS (DELETE FROM report_ids WHERE report_id IN (SELECT report_id FROM gone)),
         uncorrected AS (DELETE FROM corrections WHERE report_id IN (SELECT report_id FROM gone))
       SELECT report_id, counts_at FROM gone`,
      [reportIds, record.installationId, record.retractedAt]
    );
    const gone = rows.map((row) => z.object({ report_id: z.string(), counts_at: instant }).parse(row));
    for (const day of [...new Set(gone.map((g) => g.counts_at.slice(0, 10)))].sort()) await markDay(client, day);
    await client.query(
      'INSERT INTO retractions (acknowledgement_id, installation_id, report_id, retracted_at, deleted_reports) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [record.acknowledgementId, record.installationId, record.reportId, record.retractedAt, record.deletedReports]
    );
    return gone.length;
  });
}
