import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * HMAC request signing for the rights API. Its own file because it needs node:crypto, which the
 * Custom UI bundle must never import.
 *
 * What the collector can store, and why only that:
 * HMAC is symmetric: whoever verifies a MAC needs the key it was made with. So the app never signs
 * with its secret directly. It signs with a verification key derived from the secret by HKDF-SHA256
 * (bound to the installation id), and that derived key is what it sends on first contact and what the
 * collector stores. HKDF is one-way: a copy of the collector's store does not reveal the secret, so
 * nothing else the app derives from its secret is exposed, and the same secret can never be matched
 * across installations. What a stolen store does allow is forging rights requests for the installations
 * in it, until they rotate (signed PUT .../key); that is the inherent limit of a symmetric MAC, and the
 * reason the raw secret itself never leaves the app.
 *
 * Canonical string (one field per line, no trailing newline):
 *   UR1-HMAC-SHA256
 *   <METHOD, upper case>
 *   <path including query string, exactly as requested>
 *   <installation id of the signer>
 *   <timestamp, unix milliseconds>
 *   <nonce>
 *   <lowercase hex SHA-256 of the body bytes; of the empty string when there is no body>
 * The timestamp must lie within `signatureWindowMs` of the collector's clock, and the collector
 * remembers each nonce until that window has passed, so a captured request cannot be replayed.
 */
export const signatureHeaders = {
  installationId: 'x-ur-installation-id',
  timestamp: 'x-ur-timestamp',
  nonce: 'x-ur-nonce',
  signature: 'x-ur-signature'
} as const;

export const signatureScheme = 'UR1-HMAC-SHA256';
export const signatureWindowMs = 5 * 60 * 1000;

const hkdfSalt = 'usage-reporting/collector';
const hkdfInfo = 'rights-api-signing/v1';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The key the app signs with and the collector verifies with: HKDF-SHA256(secret), bound to the installation. */
export function deriveVerificationKey(secret: Uint8Array, installationId: string): string {
  if (secret.byteLength < 32) throw new RangeError('the installation secret must be at least 32 bytes');
  const key = hkdfSync('sha256', secret, hkdfSalt, `${hkdfInfo}:${installationId}`, 32);
  return Buffer.from(key).toString('base64url');
}

export interface CanonicalRequest {
  method: string;
  path: string;
  installationId: string;
  timestamp: number;
  nonce: string;
  body: string | Uint8Array;
}

export const canonicalString = (r: CanonicalRequest): string =>
  [signatureScheme, r.method.toUpperCase(), r.path, r.installationId, String(r.timestamp), r.nonce, sha256Hex(r.body)].join('\n');

const mac = (verificationKey: string, r: CanonicalRequest): string =>
  createHmac('sha256', Buffer.from(verificationKey, 'base64url')).update(canonicalString(r)).digest('hex');

export const nonceSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export interface SignInput {
  /** The installation's secret (32 random bytes). */
  secret: Uint8Array;
  installationId: string;
  method: string;
  path: string;
  /** The exact body bytes to be sent; '' for none. */
  body: string | Uint8Array;
  now: Date;
  /** Fresh per request, e.g. randomBytes(16).toString('base64url'). Passed in so signing stays pure. */
  nonce: string;
}

/** The headers to add to a rights request. Pure: same input, same headers. */
export function signRequest(input: SignInput): Record<string, string> {
  if (!nonceSchema.safeParse(input.nonce).success) throw new RangeError('nonce must be 16-64 base64url characters');
  const request: CanonicalRequest = {
    method: input.method,
    path: input.path,
    installationId: input.installationId,
    timestamp: input.now.getTime(),
    nonce: input.nonce,
    body: input.body
  };
  return {
    [signatureHeaders.installationId]: input.installationId,
    [signatureHeaders.timestamp]: String(request.timestamp),
    [signatureHeaders.nonce]: input.nonce,
    [signatureHeaders.signature]: `v1=${mac(deriveVerificationKey(input.secret, input.installationId), request)}`
  };
}

/** The signature headers as the collector parses them from an untrusted request. */
export const signedHeadersSchema = z.object({
  [signatureHeaders.installationId]: z.uuid(),
  [signatureHeaders.timestamp]: z.string().regex(/^\d{1,15}$/),
  [signatureHeaders.nonce]: nonceSchema,
  [signatureHeaders.signature]: z.string().regex(/^v1=[0-9a-f]{64}$/)
});

export interface SignedRequestClaims {
  installationId: string;
  timestamp: number;
  nonce: string;
  signature: string;
}

export function readSignatureHeaders(headers: unknown): SignedRequestClaims | null {
  const parsed = signedHeadersSchema.safeParse(headers);
  if (!parsed.success) return null;
  const h = parsed.data;
  return {
    installationId: h[signatureHeaders.installationId],
    timestamp: Number(h[signatureHeaders.timestamp]),
    nonce: h[signatureHeaders.nonce],
    signature: h[signatureHeaders.signature].slice(3)
  };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'expired' | 'bad-signature' };

/**
 * Checks the MAC and the timestamp window. The nonce is checked by the caller against its store,
 * AFTER this succeeds, so unauthenticated traffic cannot fill the nonce cache.
 */
export function verifySignature(args: {
  verificationKey: string;
  claims: SignedRequestClaims;
  method: string;
  path: string;
  body: string | Uint8Array;
  now: Date;
  windowMs?: number;
}): SignatureCheck {
  const { claims } = args;
  const expected = Buffer.from(
    mac(args.verificationKey, { method: args.method, path: args.path, installationId: claims.installationId, timestamp: claims.timestamp, nonce: claims.nonce, body: args.body }),
    'hex'
  );
  const given = Buffer.from(claims.signature, 'hex');
  // Verify the MAC before looking at the clock: an attacker learns nothing from "expired" about keys it lacks.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(args.now.getTime() - claims.timestamp) > (args.windowMs ?? signatureWindowMs)) return { ok: false, reason: 'expired' };
  return { ok: true };
}
