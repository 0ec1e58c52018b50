import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../report/canonical-json.js';
import { collectorAnswerPayloadSchema, type CollectorAnswerContent, type CollectorAnswerPayload } from './answer-payloads.js';
import { keyFingerprint, rawKeySchema, verifyWith, type InstallationKeyPair } from './identity.js';
import {
  collectorAnswerFormat,
  collectorAnswerStatement,
  collectorAnswerVersion,
  signedCollectorAnswerSchema,
  type CollectorAnswerKind,
  type SignedCollectorAnswer
} from './signed-answer.js';

/**
 * Signing and verifying the collector's answers (signed-answer.ts), with node:crypto: the collector
 * signs, the app's backend verifies against the collector public key the vendor configured.
 */

/** An Ed25519 key pair as raw base64url halves: the installation's keys and the collector's have one form. */
export type Ed25519KeyPair = InstallationKeyPair;

export interface CollectorAnswerSigner {
  /** Raw base64url Ed25519 public key: what the vendor puts in the app's configuration. */
  publicKey: string;
  /** keyFingerprint(publicKey): what each answer names, and what a person compares. */
  fingerprint: string;
  /** Adds the key's fingerprint to the content, and signs its canonical JSON. */
  sign(content: CollectorAnswerContent): Promise<SignedCollectorAnswer>;
}

/**
 * A signer over one key, built once: importing the private key costs more than a signature, and the
 * collector signs every receipt. Signatures are made on libuv's thread pool, off the event loop, like
 * the collector's verifies. Throws when the halves are not one key pair (a configuration mistake).
 */
export function collectorAnswerSigner(key: Ed25519KeyPair): CollectorAnswerSigner {
  const privateKey: KeyObject = importSigningKey(key);
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (derived.subarray(derived.length - 32).toString('base64url') !== key.publicKey) throw new RangeError('the collector signing key: the public half does not belong to the private half');
  const fingerprint = keyFingerprint(key.publicKey);
  return {
    publicKey: key.publicKey,
    fingerprint,
    sign: (content) => {
      const { kind } = content;
      const payload = canonicalJson({ ...content, collectorKeyFingerprint: fingerprint });
      return new Promise((resolve, reject) => {
        sign(null, Buffer.from(collectorAnswerStatement(payload)), privateKey, (error, signature) => {
          if (error) reject(error);
          else resolve({ format: collectorAnswerFormat, version: collectorAnswerVersion, kind, keyFingerprint: fingerprint, payload, signature: signature.toString('base64url') });
        });
      });
    }
  };
}

export type CollectorPublicKey = { ok: true; publicKey: string; fingerprint: string } | { ok: false; message: string };

/**
 * The collector public key as a vendor may paste it into configuration: the raw base64url key the
 * collector's `public-key` command prints, or the same key as an SPKI PEM block. Never throws.
 */
export function collectorPublicKeyFrom(text: string): CollectorPublicKey {
  const trimmed = text.trim();
  if (rawKeySchema.safeParse(trimmed).success) return { ok: true, publicKey: trimmed, fingerprint: keyFingerprint(trimmed) };
  if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
    try {
      const key = createPublicKey(trimmed);
      if (key.asymmetricKeyType !== 'ed25519') return { ok: false, message: `the collector public key is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519` };
      const der = key.export({ type: 'spki', format: 'der' });
      const raw = der.subarray(der.length - 32).toString('base64url');
      return { ok: true, publicKey: raw, fingerprint: keyFingerprint(raw) };
    } catch {
      return { ok: false, message: 'the collector public key is a PEM block that does not hold a public key' };
    }
  }
  return { ok: false, message: "the collector public key is neither the 43-character key the collector's public-key command prints nor a PEM public key" };
}

export type CollectorAnswerFailure =
  /** Not a signed collector answer at all (not JSON, not this format, a part missing). */
  | 'unreadable'
  /** The configured collector public key itself is unusable. */
  | 'invalid-key'
  /** Signed by another key than the configured one: another collector, or a rotated key. */
  | 'wrong-key'
  /** Names the configured key, but the signature does not hold: the file was changed after signing. */
  | 'bad-signature'
  /** Genuinely signed, but the payload is not an answer this version reads. */
  | 'invalid-payload'
  /** Genuine, but about something else than the caller expected (another report, installation or kind). */
  | 'mismatch';

export type VerifiedCollectorAnswer =
  | { ok: true; answer: SignedCollectorAnswer; payload: CollectorAnswerPayload }
  | { ok: false; reason: CollectorAnswerFailure; message: string };

/** What the caller knows the answer must be about; each given field must match the payload's. */
export interface ExpectedAnswer {
  kind?: CollectorAnswerKind;
  installationId?: string;
  /** A receipt's or a retraction's report. */
  reportId?: string;
  /** A receipt's digest: sha256Hex of the exact report text the app previewed and handed over. */
  digest?: string;
}

const refuse = (reason: CollectorAnswerFailure, message: string): VerifiedCollectorAnswer => ({ ok: false, reason, message });

/**
 * Checks a collector answer against the collector public key the vendor configured (raw base64url or
 * SPKI PEM), then, when `expected` is given, that it answers for that report or installation. `answer`
 * is the answer object, or the text of an answer file as the admin pasted or uploaded it. Never throws;
 * the messages are for the admin and quote nothing from the answer.
 */
export function verifyCollectorAnswer(answer: unknown, collectorPublicKey: string, expected: ExpectedAnswer = {}): VerifiedCollectorAnswer {
  let input = answer;
  if (typeof answer === 'string') {
    try {
      input = JSON.parse(answer);
    } catch {
      return refuse('unreadable', 'The answer is not JSON: paste the whole file the collector gave back.');
    }
  }
  const parsed = signedCollectorAnswerSchema.safeParse(input);
  if (!parsed.success) return refuse('unreadable', 'This is not a signed answer from the collector (a receipt or acknowledgement file).');
  const key = collectorPublicKeyFrom(collectorPublicKey);
  if (!key.ok) return refuse('invalid-key', `The app's configured ${key.message}.`);
  const signed = parsed.data;
  if (signed.keyFingerprint !== key.fingerprint) {
    return refuse('wrong-key', `The answer is signed by collector key ${signed.keyFingerprint}, not the configured ${key.fingerprint}: it comes from another collector, or the vendor changed its key.`);
  }
  if (!verifyWith(key.publicKey, collectorAnswerStatement(signed.payload), signed.signature)) {
    return refuse('bad-signature', "The answer's signature does not verify: it was changed after the collector signed it.");
  }
  let json: unknown;
  try {
    json = JSON.parse(signed.payload);
  } catch {
    return refuse('invalid-payload', 'The signed answer holds no readable content.');
  }
  const payload = collectorAnswerPayloadSchema.safeParse(json);
  if (!payload.success || payload.data.kind !== signed.kind || payload.data.collectorKeyFingerprint !== signed.keyFingerprint) {
    return refuse('invalid-payload', 'The signed answer is not one this version of the app reads.');
  }
  const mismatch = mismatchOf(payload.data, expected);
  if (mismatch !== null) return refuse('mismatch', mismatch);
  return { ok: true, answer: signed, payload: payload.data };
}

function mismatchOf(payload: CollectorAnswerPayload, expected: ExpectedAnswer): string | null {
  if (expected.kind !== undefined && payload.kind !== expected.kind) return `The answer is a ${payload.kind}, not the ${expected.kind} expected here.`;
  if (expected.installationId !== undefined && payload.installationId !== expected.installationId) return 'The answer is about another installation.';
  if (expected.reportId !== undefined && (!('reportId' in payload) || payload.reportId !== expected.reportId)) return 'The answer is about another report.';
  if (expected.digest !== undefined && (payload.kind !== 'report-receipt' || payload.digest !== expected.digest)) {
    return 'The receipt is for other bytes than the report this app handed over.';
  }
  return null;
}

/** Node 24 checks a JWK's halves against each other on import, Node 20 does not: both end in the same error. */
function importSigningKey(key: Ed25519KeyPair): KeyObject {
  try {
    return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey, d: key.privateKey }, format: 'jwk' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RangeError(`the collector signing key: the public half does not belong to the private half, or the key is malformed (${reason})`);
  }
}
