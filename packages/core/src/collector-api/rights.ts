import { z } from 'zod';
import { purposeSchema } from '../catalog/vocabulary.js';
import { keyFingerprintSchema } from './fingerprint.js';
import { signedCollectorAnswerSchema } from './signed-answer.js';

/**
 * The per-installation rights API (GDPR self-service on the vendor's side). Every request is signed
 * with the installation's current key (http-signature.ts), and the signer may only act on its own data.
 */

/** The catalog's purposes: an installation may restrict processing for any of them. */
export const restrictablePurposeSchema = purposeSchema;
export const restrictablePurposes = purposeSchema.options;
export type RestrictablePurpose = z.infer<typeof restrictablePurposeSchema>;

/** Where it was defined first; fingerprint.ts holds it now, for the collector's own key too. */
export { keyFingerprintSchema };

/**
 * PUT /v1/installations/:installationId/key, body `{"chain": KeyChain}` (key-chain.ts), signed by the
 * chain's newest key. The chain must verify from the installation id, and the chain the collector
 * holds must be a prefix of it (or equal). 200 with this body; a chain that diverges from or is
 * shorter than the held one is 409 KEY_CHAIN_CONFLICT. Safe to retry: the same chain answers 'unchanged'.
 */
export const keyChainReceiptSchema = z.strictObject({
  installationId: z.uuid(),
  /** 'recorded': the first chain held for this installation; 'extended': new links were appended; 'unchanged': already held. */
  outcome: z.enum(['recorded', 'extended', 'unchanged']),
  /** Keys in the chain now held, genesis included (links + 1). */
  keys: z.number().int().min(1),
  /** Fingerprint of the newest key: the only key the collector now accepts for this installation. */
  headFingerprint: keyFingerprintSchema
});
export type KeyChainReceipt = z.infer<typeof keyChainReceiptSchema>;

/** PUT /v1/installations/:installationId/restrictions: the COMPLETE set; [] lifts every restriction. */
export const restrictRequestSchema = z.strictObject({
  restrictedPurposes: z.array(restrictablePurposeSchema).max(restrictablePurposes.length)
});
export type RestrictRequest = z.infer<typeof restrictRequestSchema>;

export const restrictionsSchema = z.strictObject({
  installationId: z.uuid(),
  restrictedPurposes: z.array(restrictablePurposeSchema),
  /** null when the installation never restricted anything. */
  updatedAt: z.iso.datetime().nullable(),
  /** In the answer to PUT restrictions only: a restriction-acknowledgement (signed-answer.ts). */
  signedAnswer: signedCollectorAnswerSchema.optional()
});
export type Restrictions = z.infer<typeof restrictionsSchema>;

/** DELETE /v1/installations/:installationId/data: every raw report and receipt of the installation is erased. */
export const deletionAcknowledgementSchema = z.strictObject({
  acknowledgementId: z.uuid(),
  installationId: z.uuid(),
  deletedReports: z.number().int().nonnegative(),
  /** When the erasure was carried out (ISO-8601 UTC): the data is gone at this instant, not scheduled. */
  acknowledgedAt: z.iso.datetime(),
  /**
   * What remains and why: the key chain (public keys only, so the installation can still prove itself), its
   * restrictions (so they keep being honoured), this acknowledgement, and the daily aggregates, which
   * hold no installation id and no cell of fewer than k installations.
   */
  retained: z.array(z.string()),
  /**
   * The same answer signed by the collector's own key (signed-answer.ts), for the app to verify against
   * the collector public key the vendor configured. Optional: a collector before signed answers sends none.
   */
  signedAnswer: signedCollectorAnswerSchema.optional()
});
export type DeletionAcknowledgement = z.infer<typeof deletionAcknowledgementSchema>;

export const exportedReportSchema = z.strictObject({
  receiptId: z.uuid(),
  reportId: z.uuid(),
  receivedAt: z.iso.datetime(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  /** The exact bytes received, as text: hashing them gives `digest`. */
  bytes: z.string(),
  /** The same report, parsed, for reading. */
  report: z.record(z.string(), z.unknown()),
  /** The report this one corrected, if it is a correction (corrections.ts). */
  supersedes: z.uuid().nullable(),
  /** The correction that replaced this report: it is kept, marked, and no longer counted. */
  supersededBy: z.uuid().nullable()
});
export type ExportedReport = z.infer<typeof exportedReportSchema>;

/** GET /v1/installations/:installationId/export: everything the collector holds about one installation. */
export const installationExportSchema = z.strictObject({
  installationId: z.uuid(),
  exportedAt: z.iso.datetime(),
  /**
   * The key chain the collector holds, genesis first: fingerprints and rotation times only. Empty when
   * it holds none (the installation has not rotated, so its genesis key, which the id certifies, signs).
   */
  keyChain: z.array(z.strictObject({ fingerprint: keyFingerprintSchema, rotatedAt: z.iso.datetime().nullable(), recordedAt: z.iso.datetime() })),
  restrictions: restrictionsSchema,
  reports: z.array(exportedReportSchema),
  deletions: z.array(z.strictObject({ acknowledgementId: z.uuid(), acknowledgedAt: z.iso.datetime(), deletedReports: z.number().int() })),
  /** Reports the installation retracted: their copies are gone; this record says when. */
  retractions: z.array(z.strictObject({ acknowledgementId: z.uuid(), reportId: z.uuid(), retractedAt: z.iso.datetime(), deletedReports: z.number().int() })),
  /** Nonces of signed requests still remembered for replay protection, with when they are forgotten. */
  recentNonces: z.array(z.strictObject({ nonce: z.string(), forgetAt: z.iso.datetime() })),
  /** The whole document signed as an installation-export answer, whose payload holds it without this field. */
  signedAnswer: signedCollectorAnswerSchema.optional()
});
export type InstallationExport = z.infer<typeof installationExportSchema>;
