import { z } from 'zod';
import { receiptSchema } from './ingest.js';
import { signedCollectorAnswerSchema } from './signed-answer.js';

/**
 * The right to correct, at the vendor: an installation retracts or corrects one report it sent.
 * Both requests are signed like every other (http-signature.ts), and only the installation that sent
 * a report can name it: any other report id answers 404 REPORT_NOT_FOUND, whether it exists or not.
 *
 * POST /v1/installations/:installationId/reports/:reportId/correction
 *   content-type: application/json
 *   idempotency-key: <the correcting report's own, new, reportId>
 *   body: exactly the canonical bytes of the correcting report the admin previewed
 * The correcting report is validated like any report, must be this installation's, and must cover the
 * same period as the one it replaces. The collector stores it as a new raw report, marks the old one
 * superseded (kept, so the vendor's export shows the chain), and refolds that day's aggregates, where
 * the correction now counts in place of the old report. 201 with a receipt naming what it supersedes;
 * 200 with the original receipt for a repeat of the same correction. A report already superseded
 * answers 409 REPORT_SUPERSEDED: the newest report of a chain is the one to correct.
 *
 * DELETE /v1/installations/:installationId/reports/:reportId
 *   The collector deletes the report, and every report it had superseded, so no copy is held, records
 *   the retraction, and refolds the affected days. 200 with an acknowledgement; a repeat answers 200 with
 *   the same acknowledgement.
 */
export const correctionReceiptSchema = receiptSchema.extend({
  /** The report this one replaces. */
  supersedes: z.uuid()
});
export type CorrectionReceipt = z.infer<typeof correctionReceiptSchema>;

export const retractionAcknowledgementSchema = z.strictObject({
  acknowledgementId: z.uuid(),
  installationId: z.uuid(),
  /** The report the installation retracted. */
  reportId: z.uuid(),
  /** When the raw copies were deleted (ISO-8601 UTC): gone at this instant, not scheduled. */
  retractedAt: z.iso.datetime(),
  /** Raw reports deleted: the retracted one and any it had superseded. */
  deletedReports: z.number().int().nonnegative(),
  /**
   * The same answer signed by the collector's own key (signed-answer.ts), for the app to verify against
   * the collector public key the vendor configured. Optional: a collector before signed answers sends none.
   */
  signedAnswer: signedCollectorAnswerSchema.optional()
});
export type RetractionAcknowledgement = z.infer<typeof retractionAcknowledgementSchema>;
