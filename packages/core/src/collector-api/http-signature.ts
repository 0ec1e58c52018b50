import { createHash } from 'node:crypto';
import { httpbis } from 'http-message-signatures';
import { parseDictionary } from 'structured-headers';
import { signWith, verifyWithAsync, rawKeySchema, type InstallationKeyPair } from './identity.js';

/**
 * Every report and every rights request is signed with HTTP Message Signatures (RFC 9421), algorithm
 * ed25519, through the `http-message-signatures` package; the body is bound by Content-Digest
 * (RFC 9530, sha-256). Backend and collector only (node:crypto).
 *
 * What a signature covers, under the label `ur`:
 *   "@method" "@path" "ur-installation" and, when there is a body, "content-digest"
 * with the parameters created (unix seconds), keyid (the signer's raw public key, base64url), alg
 * ("ed25519") and nonce. `ur-installation` names the installation the signer speaks for, so the
 * collector can check the key against the id before it reads a byte of the body.
 *
 * The host is deliberately not covered: the vendor's TLS proxy may rewrite it, and the path plus the
 * installation bind the request well enough (a signature for one installation's path is worthless on
 * another's, and the nonce stops replays).
 */
export const signatureLabel = 'ur';
export const installationHeader = 'ur-installation';
export const signatureAlgorithm = 'ed25519';
/** How far a signature's `created` may lie from the collector's clock; the collector remembers nonces this long. */
export const signatureWindowMs = 5 * 60 * 1000;

/** RFC 9530 Content-Digest of the exact body bytes. */
export const contentDigestOf = (body: string | Uint8Array): string => contentDigestOfSha256(createHash('sha256').update(body).digest());

/** The same header from the body's SHA-256, for a caller that needs the hash for something else too. */
export const contentDigestOfSha256 = (sha256: Buffer): string => `sha-256=:${sha256.toString('base64')}:`;

const coveredComponents = (hasBody: boolean): string[] => ['@method', '@path', installationHeader, ...(hasBody ? ['content-digest'] : [])];

export interface SignRequestInput {
  /** The key the installation currently signs with. */
  key: InstallationKeyPair;
  installationId: string;
  method: string;
  /** The path as sent (no query string: none of the collector's routes take one). */
  path: string;
  /** The exact body bytes to be sent; '' for none. */
  body: string;
  now: Date;
  /** Fresh per request (16-64 base64url characters); passed in so signing stays a function of its input. */
  nonce: string;
}

const nonceRegex = /^[A-Za-z0-9_-]{16,64}$/;

/** The headers to add: ur-installation, content-digest (when there is a body), signature-input and signature. */
export async function signCollectorRequest(input: SignRequestInput): Promise<Record<string, string>> {
  if (!nonceRegex.test(input.nonce)) throw new RangeError('nonce must be 16-64 base64url characters');
  const hasBody = input.body !== '';
  const headers: Record<string, string> = {
    [installationHeader]: input.installationId,
    ...(hasBody ? { 'content-digest': contentDigestOf(input.body) } : {})
  };
  const signed = await httpbis.signMessage(
    {
      key: { id: input.key.publicKey, alg: signatureAlgorithm, sign: (data: Buffer) => Promise.resolve(Buffer.from(signWith(input.key, data), 'base64url')) },
      name: signatureLabel,
      fields: coveredComponents(hasBody),
      params: ['created', 'keyid', 'alg', 'nonce'],
      paramValues: { created: input.now, nonce: input.nonce }
    },
    { method: input.method, url: `https://collector.invalid${input.path}`, headers }
  );
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export type VerifiedSignature = {
  ok: true;
  /** The installation the signer speaks for (the ur-installation header). Whether the key may speak for it is the caller's check. */
  installationId: string;
  /** The key that made the signature (its keyid). */
  publicKey: string;
  nonce: string;
  /** When the signer says it signed, from `created`. */
  createdAt: Date;
};

export type SignatureFailure =
  /** No signature headers at all. */
  | 'unsigned'
  /** Headers present but not a signature this protocol makes (label, components, parameters, algorithm). */
  | 'malformed'
  /** The body is not the one the signature covers. */
  | 'digest-mismatch'
  /** Well-formed, but the signature does not verify under its keyid. */
  | 'bad-signature'
  /** A valid signature whose `created` lies outside the window. Only ever returned after the signature verified. */
  | 'expired';

/**
 * Verifies a request's signature against the public key it names, and the body against its digest.
 * It does not decide whether that key speaks for the installation (the collector checks the id or
 * the key chain), and it does not check the nonce (the caller records it, after this succeeds, so
 * unsigned traffic cannot fill the nonce table). Never throws on hostile input.
 */
export async function verifyCollectorRequest(args: {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now: Date;
  windowMs?: number;
}): Promise<VerifiedSignature | { ok: false; reason: SignatureFailure }> {
  const h = (name: string): string | undefined => {
    const v = args.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  const input = h('signature-input');
  const signature = h('signature');
  if (input === undefined && signature === undefined) return { ok: false, reason: 'unsigned' };
  const installationId = h(installationHeader);
  if (input === undefined || signature === undefined || installationId === undefined) return { ok: false, reason: 'malformed' };
  // Exactly one signature, ours: a second one could otherwise decide the library's verdict.
  if (!onlyOurLabel(input) || !onlyOurLabel(signature)) return { ok: false, reason: 'malformed' };
  const hasBody = args.body !== '';
  if (hasBody && h('content-digest') !== contentDigestOf(args.body)) return { ok: false, reason: 'digest-mismatch' };
  if (!hasBody && h('content-digest') !== undefined) return { ok: false, reason: 'digest-mismatch' };

  let seen: { publicKey: string; nonce: string; created: Date } | undefined;
  let verified: boolean | null;
  try {
    verified = await httpbis.verifyMessage(
      {
        // Time is checked below with the collector's own clock, and only after the signature verified.
        notAfter: Number.MAX_SAFE_INTEGER,
        requiredParams: ['created', 'keyid', 'alg', 'nonce'],
        requiredFields: coveredComponents(hasBody),
        keyLookup: (params) => {
          const keyid = params.keyid;
          const nonce = params.nonce;
          const created = params.created;
          if (typeof keyid !== 'string' || !rawKeySchema.safeParse(keyid).success) return Promise.resolve(null);
          if (typeof nonce !== 'string' || !nonceRegex.test(nonce) || !(created instanceof Date)) return Promise.resolve(null);
          if (params.alg !== signatureAlgorithm) return Promise.resolve(null);
          return Promise.resolve({
            id: keyid,
            algs: [signatureAlgorithm],
            verify: async (data: Buffer, sig: Buffer) => {
              const ok = await verifyWithAsync(keyid, data, sig);
              if (ok) seen = { publicKey: keyid, nonce, created };
              return ok;
            }
          });
        }
      },
      { method: args.method, url: `https://collector.invalid${args.path}`, headers: onlyLabel(args.headers) }
    );
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (verified === null) return { ok: false, reason: 'malformed' };
  if (!verified || !seen) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(args.now.getTime() - seen.created.getTime()) > (args.windowMs ?? signatureWindowMs)) return { ok: false, reason: 'expired' };
  return { ok: true, installationId, publicKey: seen.publicKey, nonce: seen.nonce, createdAt: seen.created };
}

function onlyOurLabel(dictionary: string): boolean {
  try {
    const parsed = parseDictionary(dictionary);
    return parsed.size === 1 && parsed.has(signatureLabel);
  } catch {
    return false;
  }
}

/** Headers as the library reads them, with string values only. */
function onlyLabel(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}
