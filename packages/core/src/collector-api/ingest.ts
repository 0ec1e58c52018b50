import { z } from 'zod';
import { signedCollectorAnswerSchema } from './signed-answer.js';

/**
 * POST /v1/reports
 *   content-type: application/json
 *   idempotency-key: <the report's reportId>
 *   body: exactly the canonical report bytes the admin previewed (packages/core/src/report canonicalJson)
 *
 * 201 with a receipt when stored; 200 with the ORIGINAL receipt (duplicate: true) when the same
 * reportId arrives again with the same bytes, storing nothing new. Errors: see errors.ts.
 */
export const idempotencyKeyHeader = 'idempotency-key';

export const receiptSchema = z.strictObject({
  receiptId: z.uuid(),
  reportId: z.uuid(),
  /** When the collector first stored the report (ISO-8601 UTC). The retention clock starts here. */
  receivedAt: z.iso.datetime(),
  /** Lowercase hex SHA-256 of the stored bytes: the same digest the admin saw in the preview. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  /** true when this is a replay answered with the original receipt. */
  duplicate: z.boolean(),
  /**
   * The same answer signed by the collector's own key (signed-answer.ts), for the app to verify against
   * the collector public key the vendor configured. Optional: a collector before signed answers sends none.
   */
  signedAnswer: signedCollectorAnswerSchema.optional()
});
export type Receipt = z.infer<typeof receiptSchema>;

/** Upper bound for one report body. Reports are small typed values; anything larger is not a report. */
export const maxReportBytes = 64 * 1024;
