import { z } from 'zod';

/** How a report that was queued to leave the site ended up. */
export const reportStatusSchema = z.enum(['pending', 'sent', 'rejected', 'cancelled']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/**
 * The signature that travelled beside a report's bytes, in HTTP headers (RFC 9421): history shows it
 * so "exact bytes" stays exactly the bytes sent, and the proof of who sent them is in view too.
 */
export const sentSignatureSchema = z.strictObject({
  /** SHA256 fingerprint of the public key that signed (packages/core/src/collector-api/identity.ts keyFingerprint). */
  keyFingerprint: z.string(),
  /** The Signature-Input header as sent. */
  signatureInput: z.string(),
  /** The Signature header as sent. */
  signature: z.string(),
  /** The Content-Digest header as sent: the SHA-256 of the exact bytes, in base64. */
  contentDigest: z.string()
});
export type SentSignature = z.infer<typeof sentSignatureSchema>;

/** The collector's receipt as the app keeps it in history (packages/core/src/collector-api receiptSchema, stored), with the signature that went with the bytes. */
export const storedReceiptSchema = z.strictObject({
  receiptId: z.string(),
  reportId: z.string(),
  receivedAt: z.string(),
  digest: z.string(),
  duplicate: z.boolean(),
  signature: sentSignatureSchema.optional()
});
export type StoredReceipt = z.infer<typeof storedReceiptSchema>;

export const historySummarySchema = z.strictObject({
  reportId: z.string(),
  /** 'correction': the admin corrected an earlier report; `supersedes` names it. */
  trigger: z.enum(['per-case', 'automatic', 'correction']),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  status: reportStatusSchema,
  digest: z.string(),
  size: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  /** Why the last attempt failed, or why the report was cancelled or rejected. */
  lastError: z.string().nullable(),
  receipt: storedReceiptSchema.nullable(),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  /** For a correction: the report it replaces at the vendor. */
  supersedes: z.string().optional(),
  /** Set on a sent report once a correction of it was acknowledged: the vendor no longer counts this one. */
  supersededBy: z.strictObject({ reportId: z.string(), at: z.iso.datetime() }).optional(),
  /** Set on a sent report once the vendor acknowledged its retraction: no copy is held any more. */
  retraction: z
    .strictObject({ acknowledgementId: z.string(), retractedAt: z.iso.datetime(), deletedReports: z.number().int().nonnegative() })
    .optional()
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

/**
 * How many failed tries a vendor deletion gets before the app stops and tells the admin plainly. The
 * daily job tries about once a day, so this is about a week: long enough to ride out a collector
 * outage, short enough that "pending" never quietly means "never".
 */
export const maxVendorDeletionAttempts = 8;

/**
 * A vendor-side deletion request: queued, retried by the daily job until the collector acknowledges
 * it, or until `maxVendorDeletionAttempts` tries failed ('failed': the admin is told what to do, and
 * asking again starts a new request).
 */
export const vendorDeletionSchema = z.strictObject({
  status: z.enum(['pending', 'acknowledged', 'failed']),
  requestedAt: z.iso.datetime(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  acknowledgement: z
    .strictObject({
      acknowledgementId: z.string(),
      acknowledgedAt: z.string(),
      deletedReports: z.number().int().nonnegative()
    })
    .nullable()
});
export type VendorDeletion = z.infer<typeof vendorDeletionSchema>;
