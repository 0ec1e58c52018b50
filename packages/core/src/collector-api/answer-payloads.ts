import { z } from 'zod';
import { keyFingerprintSchema } from './fingerprint.js';
import { installationExportSchema, restrictablePurposeSchema } from './rights.js';
import type { CollectorAnswerKind } from './signed-answer.js';

/**
 * What each signed answer says (signed-answer.ts carries it as canonical JSON). Every payload names
 * the installation it concerns and the fingerprint of the collector key that signed it. None holds
 * the time the answer was given or whether it was a repeat: the same fact signed again gives the same
 * bytes (Ed25519 is deterministic), so a receipt fetched twice, or a file uploaded twice, is one
 * receipt, not two that differ.
 */
const common = {
  installationId: z.uuid(),
  collectorKeyFingerprint: keyFingerprintSchema
};

/**
 * The collector holds the report: which report (its id), which bytes (their SHA-256), from which
 * installation, since when. `supersedes` names the report a correction replaced, null for a report
 * that corrects nothing.
 */
export const reportReceiptPayloadSchema = z.strictObject({
  kind: z.literal('report-receipt'),
  receiptId: z.uuid(),
  reportId: z.uuid(),
  ...common,
  /** Lowercase hex SHA-256 of the stored bytes: the digest the admin saw in the preview. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  /** When the collector first stored the report; the retention clock starts here. */
  receivedAt: z.iso.datetime(),
  supersedes: z.uuid().nullable()
});

/** Every raw report of the installation was erased at `acknowledgedAt`; `retained` says what remains and why. */
export const deletionAcknowledgementPayloadSchema = z.strictObject({
  kind: z.literal('deletion-acknowledgement'),
  acknowledgementId: z.uuid(),
  ...common,
  deletedReports: z.number().int().nonnegative(),
  acknowledgedAt: z.iso.datetime(),
  retained: z.array(z.string())
});

/** From `updatedAt` on, the installation's data serves none of `restrictedPurposes` (the complete set; [] lifts all). */
export const restrictionAcknowledgementPayloadSchema = z.strictObject({
  kind: z.literal('restriction-acknowledgement'),
  ...common,
  restrictedPurposes: z.array(restrictablePurposeSchema),
  updatedAt: z.iso.datetime()
});

/** The report and every report it had superseded were deleted at `retractedAt`. */
export const retractionAcknowledgementPayloadSchema = z.strictObject({
  kind: z.literal('retraction-acknowledgement'),
  acknowledgementId: z.uuid(),
  ...common,
  reportId: z.uuid(),
  retractedAt: z.iso.datetime(),
  deletedReports: z.number().int().nonnegative()
});

/** Everything the collector held about the installation at `exportedAt` (rights.ts installationExportSchema). */
export const installationExportPayloadSchema = z.strictObject({
  kind: z.literal('installation-export'),
  ...common,
  exportedAt: z.iso.datetime(),
  export: installationExportSchema
});

export const collectorAnswerPayloadSchema = z.discriminatedUnion('kind', [
  reportReceiptPayloadSchema,
  deletionAcknowledgementPayloadSchema,
  restrictionAcknowledgementPayloadSchema,
  retractionAcknowledgementPayloadSchema,
  installationExportPayloadSchema
]);
export type CollectorAnswerPayload = z.infer<typeof collectorAnswerPayloadSchema>;
export type ReportReceiptPayload = z.infer<typeof reportReceiptPayloadSchema>;
export type DeletionAcknowledgementPayload = z.infer<typeof deletionAcknowledgementPayloadSchema>;
export type RestrictionAcknowledgementPayload = z.infer<typeof restrictionAcknowledgementPayloadSchema>;
export type RetractionAcknowledgementPayload = z.infer<typeof retractionAcknowledgementPayloadSchema>;
export type InstallationExportPayload = z.infer<typeof installationExportPayloadSchema>;
/** The payload of one kind. */
export type CollectorAnswerPayloadOf<K extends CollectorAnswerKind> = Extract<CollectorAnswerPayload, { kind: K }>;
/** A payload as the collector writes it, before signing adds the fingerprint of the key that signs. */
export type CollectorAnswerContent = CollectorAnswerPayload extends infer P ? (P extends CollectorAnswerPayload ? Omit<P, 'collectorKeyFingerprint'> : never) : never;
