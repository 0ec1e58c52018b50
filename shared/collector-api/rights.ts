import { z } from 'zod';
import { purposeSchema } from '../catalog/vocabulary';

/**
 * The per-installation rights API (GDPR self-service on the vendor's side). Every request except the
 * very first key establishment is HMAC-signed (signing.ts), and the signer may only act on its own data.
 */

/** The catalog's purposes: an installation may restrict processing for any of them. */
export const restrictablePurposeSchema = purposeSchema;
export const restrictablePurposes = purposeSchema.options;
export type RestrictablePurpose = z.infer<typeof restrictablePurposeSchema>;

/** base64url of 32 bytes, no padding. */
export const verificationKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be base64url of 32 bytes');

/**
 * PUT /v1/installations/:installationId/key
 *
 * First contact: the app generates its secret (32 random bytes, kept in KVS secret storage) and sends
 * only the verification key derived from it (signing.ts deriveVerificationKey). The request is unsigned:
 * nothing is established yet to sign with, so the first key wins (trust on first use). Sending the same
 * key again answers 200 (safe to retry). A different key is accepted only when the request is signed
 * with the current key: that is rotation. Otherwise 409 KEY_ALREADY_ESTABLISHED.
 */
export const establishKeyRequestSchema = z.strictObject({ verificationKey: verificationKeySchema });
export type EstablishKeyRequest = z.infer<typeof establishKeyRequestSchema>;

export const establishKeyResponseSchema = z.strictObject({
  installationId: z.uuid(),
  /** 'established' on first contact, 'unchanged' for a repeat of the same key, 'rotated' after rotation. */
  outcome: z.enum(['established', 'unchanged', 'rotated']),
  establishedAt: z.iso.datetime()
});
export type EstablishKeyResponse = z.infer<typeof establishKeyResponseSchema>;

/** PUT /v1/installations/:installationId/restrictions: the COMPLETE set; [] lifts every restriction. */
export const restrictRequestSchema = z.strictObject({
  restrictedPurposes: z.array(restrictablePurposeSchema).max(restrictablePurposes.length)
});
export type RestrictRequest = z.infer<typeof restrictRequestSchema>;

export const restrictionsSchema = z.strictObject({
  installationId: z.uuid(),
  restrictedPurposes: z.array(restrictablePurposeSchema),
  /** null when the installation never restricted anything. */
  updatedAt: z.iso.datetime().nullable()
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
   * What remains and why: the verification key (so the installation can still prove itself), its
   * restrictions (so they keep being honoured), this acknowledgement, and the daily aggregates, which
   * hold no installation id and no cell of fewer than k installations.
   */
  retained: z.array(z.string())
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
  report: z.record(z.string(), z.unknown())
});
export type ExportedReport = z.infer<typeof exportedReportSchema>;

/** GET /v1/installations/:installationId/export: everything the collector holds about one installation. */
export const installationExportSchema = z.strictObject({
  installationId: z.uuid(),
  exportedAt: z.iso.datetime(),
  key: z
    .strictObject({
      establishedAt: z.iso.datetime(),
      /** SHA-256 of the stored verification key, to compare with the app's; the key itself stays put. */
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/)
    })
    .nullable(),
  restrictions: restrictionsSchema,
  reports: z.array(exportedReportSchema),
  deletions: z.array(z.strictObject({ acknowledgementId: z.uuid(), acknowledgedAt: z.iso.datetime(), deletedReports: z.number().int() })),
  /** Nonces of signed requests still remembered for replay protection, with when they are forgotten. */
  recentNonces: z.array(z.strictObject({ nonce: z.string(), forgetAt: z.iso.datetime() }))
});
export type InstallationExport = z.infer<typeof installationExportSchema>;
