import { hash } from 'node:crypto';
import {
  contentDigestOfSha256,
  installationHeader,
  signatureLabel,
  signatureWindowMs,
  type SignatureFailure,
  type VerifiedSignature
} from '@usage-reporting/core/node';
import { verifyWithAsync } from '@usage-reporting/core/node';

/**
 * The collector's verifier for the one signature profile the app makes (packages/core/src/collector-api/
 * http-signature.ts), with the same contract as `verifyCollectorRequest`.
 *
 * Why not `http-message-signatures`' verifyMessage, which the app still signs with: it is a general
 * RFC 9421 verifier, and parsing two structured-field dictionaries, building the signature base
 * through its component parser and re-serialising the parameters cost ~150 µs of event-loop time
 * per call, on top of the ~160 µs Ed25519 verify (which runs on the thread pool). At ingest rates
 * that alone took the collector past the issue's 15% throughput budget. This verifier accepts
 * exactly one serialisation of exactly our profile (label `ur`, these components in this order,
 * created/keyid/alg/nonce in this order), so two regular expressions replace the parser, and the
 * signature base is the header text itself. Anything else is 'malformed', which the collector
 * answers like any other bad signature. test/collector/verify-signature.test.ts checks that it and
 * the library agree on genuine and tampered requests.
 */
const inputPattern = new RegExp(
  `^${signatureLabel}=(\\("@method" "@path" "${installationHeader}"( "content-digest")?\\);created=(\\d{1,12});keyid="([A-Za-z0-9_-]{43})";alg="ed25519";nonce="([A-Za-z0-9_-]{16,64})")$`
);
const signaturePattern = new RegExp(`^${signatureLabel}=:([A-Za-z0-9+/]{86}==):$`);
/** What a path may hold to be signed over verbatim: the collector's routes are ASCII, no escapes, no query. */
const pathPattern = /^\/[A-Za-z0-9/_-]*$/;
const methodPattern = /^[A-Z]{1,10}$/;
/** Printable ASCII without leading or trailing space: the form in which a header value is its own canonical form. */
const headerValuePattern = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/**
 * A verified request, with the lowercase hex SHA-256 of its body: the body is hashed once, for the
 * content-digest checked here and for the digest ingest stores and signs in the receipt.
 */
export type CheckedRequest = (VerifiedSignature & { bodyDigest: string }) | { ok: false; reason: SignatureFailure };

export async function verifySignedRequest(args: {
  method: string;
  /** The request target as received; a query string is not covered by the signature and is ignored. */
  path: string;
  headers: Headers;
  body: string;
  now: Date;
  windowMs?: number;
}): Promise<CheckedRequest> {
  const input = header(args.headers, 'signature-input');
  const signature = header(args.headers, 'signature');
  if (input === undefined && signature === undefined) return { ok: false, reason: 'unsigned' };
  const installationId = header(args.headers, installationHeader);
  if (input === undefined || signature === undefined || installationId === undefined) return { ok: false, reason: 'malformed' };
  const parsed = inputPattern.exec(input);
  const sig = signaturePattern.exec(signature);
  const path = args.path.split('?', 1)[0] ?? '';
  if (!parsed || !sig || !pathPattern.test(path) || !methodPattern.test(args.method) || !headerValuePattern.test(installationId)) {
    return { ok: false, reason: 'malformed' };
  }
  const [, params = '', coversDigest, created = '', keyid = '', nonce = ''] = parsed;
  const hasBody = args.body !== '';
  // A body must be covered by its digest, and a request without one must not claim a digest.
  if (hasBody !== (coversDigest !== undefined)) return { ok: false, reason: hasBody ? 'malformed' : 'digest-mismatch' };
  const digest = header(args.headers, 'content-digest');
  const bodySha256 = hash('sha256', args.body, 'buffer');
  if (hasBody ? digest !== contentDigestOfSha256(bodySha256) : digest !== undefined) return { ok: false, reason: 'digest-mismatch' };

  // RFC 9421 §2.5: one line per covered component, then the parameters, which are the input's own text
  // because the pattern admits only the canonical serialisation.
  const base =
    `"@method": ${args.method}\n"@path": ${path}\n"${installationHeader}": ${installationId}\n` +
    (hasBody ? `"content-digest": ${digest ?? ''}\n` : '') +
    `"@signature-params": ${params}`;
  const verified = await verifyWithAsync(keyid, Buffer.from(base), Buffer.from(sig[1] ?? '', 'base64'));
  if (!verified) return { ok: false, reason: 'bad-signature' };
  const createdAt = new Date(Number(created) * 1000);
  if (Math.abs(args.now.getTime() - createdAt.getTime()) > (args.windowMs ?? signatureWindowMs)) return { ok: false, reason: 'expired' };
  return { ok: true, installationId, publicKey: keyid, nonce, createdAt, bodyDigest: bodySha256.toString('hex') };
}
