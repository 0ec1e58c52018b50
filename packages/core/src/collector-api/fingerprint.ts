import { z } from 'zod';

/**
 * OpenSSH-style key fingerprint (identity.ts keyFingerprint): what an admin compares, never the key.
 * Names an installation's keys and the collector's own answer-signing key alike.
 */
export const keyFingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/);

/** base64url (no padding) of a 64-byte Ed25519 signature; the same form as identity.ts rawSignatureSchema. */
export const ed25519SignatureSchema = z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be base64url of 64 bytes');
