import { z } from 'zod';
import { keyFingerprintSchema } from '../collector-api/fingerprint.js';
import { signedCollectorAnswerSchema } from '../collector-api/signed-answer.js';
import { purposeSchema } from '../catalog/vocabulary.js';
import { historySummarySchema, vendorDeletionSchema } from '../report/records.js';
import { answerNoticeSchema, handOverNoticeSchema } from './notices.js';

/**
 * Delivery modes, chosen once where the app is wired (createUsageReporting's `delivery`):
 * - `direct`: the collector is the manifest's one plain backend egress entry; reports go over HTTPS.
 * - `manual`: the manifest declares no egress at all; the admin hands signed files to the vendor and
 *   pastes the collector's signed answers back. Eligible for "Runs on Atlassian".
 */
export const deliveryModes = ['direct', 'manual'] as const;
export const deliveryModeSchema = z.enum(deliveryModes);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;

/**
 * A collector answer the app checked against the collector public key the vendor configured: the
 * signed answer exactly as received (so anyone can check it again), and the fingerprint it verified with.
 */
export const verifiedAnswerSchema = z.strictObject({
  answer: signedCollectorAnswerSchema,
  collectorKeyFingerprint: keyFingerprintSchema,
  verifiedAt: z.iso.datetime()
});
export type VerifiedAnswer = z.infer<typeof verifiedAnswerSchema>;

/**
 * How one report travelled. Manual: `preparedAt` (built, e.g. by the daily job), `handedOverAt` (the
 * admin downloaded the signed file), `acknowledgedAt` (the admin brought back the vendor's receipt and
 * it verified). Direct: only `acknowledgedAt` and `answer`, from the collector's HTTP answer.
 */
export const reportDeliverySchema = z.strictObject({
  mode: deliveryModeSchema,
  preparedAt: z.iso.datetime().nullable(),
  handedOverAt: z.iso.datetime().nullable(),
  /** The hand-over file's name (core's handOverFileName); null in direct mode. */
  fileName: z.string().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  answer: verifiedAnswerSchema.nullable()
});
export type ReportDelivery = z.infer<typeof reportDeliverySchema>;

/** A history entry as resolvers return it: the stored summary plus how it travelled (absent for reports from before delivery modes). */
export const historyEntrySchema = historySummarySchema.extend({ delivery: reportDeliverySchema.optional() });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The rights requests that travel as files in manual mode. */
export const rightsRequestKinds = ['export', 'delete', 'restrict'] as const;
export const rightsRequestKindSchema = z.enum(rightsRequestKinds);
export type RightsRequestKind = z.infer<typeof rightsRequestKindSchema>;

/** One rights request file the admin made, and the collector's verified answer once it came back. */
export const rightsRequestViewSchema = z.strictObject({
  kind: rightsRequestKindSchema,
  requestedAt: z.iso.datetime(),
  /** The request file's name (manual delivery); null when the request went over HTTPS. */
  fileName: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  /** The collector key the answer verified with (kept even when the answer itself is too large to keep, an export). */
  collectorKeyFingerprint: keyFingerprintSchema.nullable(),
  answer: verifiedAnswerSchema.nullable()
});
export type RightsRequestView = z.infer<typeof rightsRequestViewSchema>;

/** What the first screen needs to know about delivery, in the same round trip (loadAdminPage). */
export const deliveryViewSchema = z.strictObject({
  mode: deliveryModeSchema,
  /** The configured collector key's fingerprint, or why there is none usable (then no answer can verify). */
  collectorKey: z.union([z.strictObject({ ok: z.literal(true), fingerprint: keyFingerprintSchema }), z.strictObject({ ok: z.literal(false), problem: z.string() })]),
  /** The last request of each kind (direct mode: the answers the collector gave; manual: the files and answers). */
  rightsRequests: z.array(rightsRequestViewSchema),
  /** The vendor's export, verified and kept for the admin to download (getVendorExport); null when none is kept. */
  vendorExport: z.strictObject({ exportedAt: z.iso.datetime(), receivedAt: z.iso.datetime(), fileName: z.string(), size: z.number().int().nonnegative() }).nullable()
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

/** A hand-over file for the admin to download: its exact text (the same bytes on every download) and name. */
export const handOverFileOutput = z.strictObject({ fileName: z.string(), text: z.string() });
export const handOverReportOutput = handOverFileOutput.extend({ entry: historyEntrySchema, notice: handOverNoticeSchema });
export type HandOverReportOutput = z.infer<typeof handOverReportOutput>;

export const downloadHandOverInput = z.strictObject({ reportId: z.uuid() });

export const rightsRequestInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('export') }),
  z.strictObject({ kind: z.literal('delete') }),
  z.strictObject({ kind: z.literal('restrict'), restrictedPurposes: z.array(purposeSchema).max(2) })
]);
export type RightsRequestInput = z.infer<typeof rightsRequestInput>;
export const rightsRequestOutput = handOverFileOutput.extend({ request: rightsRequestViewSchema, vendorDeletion: vendorDeletionSchema.nullable() });
export type RightsRequestOutput = z.infer<typeof rightsRequestOutput>;

/** The collector's answer as the admin pasted it or as the text of the file they chose (an export can be large). */
export const acceptAnswerInput = z.strictObject({ text: z.string().min(1).max(4_000_000) });
export const acceptAnswerOutput = z.strictObject({
  kind: z.enum(['report-receipt', 'deletion-acknowledgement', 'restriction-acknowledgement', 'installation-export']),
  /** What to tell the admin, as a code and parameters the page words in the admin's language (notices.ts). */
  notice: answerNoticeSchema,
  collectorKeyFingerprint: keyFingerprintSchema,
  /** A receipt: the report's history entry, now acknowledged by the vendor. */
  entry: historyEntrySchema.nullable(),
  /** An export: the document, for the admin to view or download. */
  document: z.strictObject({ fileName: z.string(), json: z.string() }).nullable()
});
export type AcceptAnswerOutput = z.infer<typeof acceptAnswerOutput>;
