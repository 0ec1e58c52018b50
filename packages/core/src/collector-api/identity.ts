import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/**
 * Self-certifying installation identity (backend and collector only: node:crypto).
 *
 * At install the app makes an Ed25519 key pair. The installation id is derived from the first public
 * key (the genesis key), so nobody can claim an id without its private key, and the collector needs
 * no registration step: a request signed by the key whose hash IS the id proves who sent it. The
 * collector stores public keys only, so a copy of its database cannot sign anything.
 *
 * The id is a version-8 uuid (RFC 9562 "custom") made of the first 122 bits of SHA-256(genesis key):
 * it keeps the uuid shape every schema and path already expects, and finding another key with the
 * same id is a 122-bit second-preimage search.
 */

/** base64url (no padding) of 32 raw bytes: an Ed25519 public or private key. */
export const rawKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be base64url of 32 bytes');
/** base64url (no padding) of a 64-byte Ed25519 signature. */
export const rawSignatureSchema = z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'must be base64url of 64 bytes');

export const installationKeyPairSchema = z.strictObject({ publicKey: rawKeySchema, privateKey: rawKeySchema });
/** An installation's signing key: the private half never leaves KVS secret storage. */
export type InstallationKeyPair = z.infer<typeof installationKeyPairSchema>;

/** An Ed25519 key in DER ends with its 32 raw bytes (SPKI: 12 bytes before them; PKCS#8: 16). */
const rawTail = (der: Buffer): string => der.subarray(der.length - 32).toString('base64url');

/**
 * The keys come out of the generator already encoded, never as KeyObjects exported afterwards: on
 * Node 20, exporting a freshly generated key as JWK can deadlock the main thread for good when a
 * garbage collection during the export finalises the finished key-generation job, which waits on
 * the lock the export holds (seen as a collector test and the bench's load generator hanging at
 * 0% CPU, in pthread_mutex_lock under KeyGenJob::~KeyGenJob from ExportJWKEdKey).
 */
export function generateInstallationKeyPair(): InstallationKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' }
  });
  if (publicKey.length !== 44 || privateKey.length !== 48) throw new Error('Ed25519 key generation gave an unexpected encoding');
  return { publicKey: rawTail(publicKey), privateKey: rawTail(privateKey) };
}

/** The installation id that `genesisPublicKey` certifies: a v8 uuid from its SHA-256. */
export function installationIdOf(genesisPublicKey: string): string {
  const h = createHash('sha256').update(Buffer.from(genesisPublicKey, 'base64url')).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x80; // version 8
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What the admin compares: `SHA256:` and the unpadded base64 of the key's SHA-256, as OpenSSH prints fingerprints. */
export function keyFingerprint(publicKey: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('base64').replace(/=+$/, '')}`;
}

/** KeyObjects are costly to build compared with a verify; a busy collector sees the same keys again and again. */
const publicKeyObjects = new Map<string, KeyObject>();
const maxCachedKeys = 10_000;

function publicKeyObject(publicKey: string): KeyObject {
  const held = publicKeyObjects.get(publicKey);
  if (held) return held;
  const made = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
  if (publicKeyObjects.size >= maxCachedKeys) publicKeyObjects.clear();
  publicKeyObjects.set(publicKey, made);
  return made;
}

const privateKeyObject = (pair: InstallationKeyPair): KeyObject =>
  createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: pair.publicKey, d: pair.privateKey }, format: 'jwk' });

/** Ed25519 signature over `data`, base64url. */
export function signWith(pair: InstallationKeyPair, data: string | Uint8Array): string {
  return sign(null, typeof data === 'string' ? Buffer.from(data) : data, privateKeyObject(pair)).toString('base64url');
}

/** Checks an Ed25519 signature; false (never a throw) for any malformed key or signature. */
export function verifyWith(publicKey: string, data: string | Uint8Array, signature: string | Uint8Array): boolean {
  if (!rawKeySchema.safeParse(publicKey).success) return false;
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'base64url') : signature;
  if (sig.byteLength !== 64) return false;
  try {
    return verify(null, typeof data === 'string' ? Buffer.from(data) : data, publicKeyObject(publicKey), sig);
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool (crypto.verify with a callback): an Ed25519 verify costs a
 * noticeable fraction of a millisecond, and the collector's event loop has reports to parse meanwhile.
 */
export function verifyWithAsync(publicKey: string, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!rawKeySchema.safeParse(publicKey).success || signature.byteLength !== 64) return Promise.resolve(false);
  let key: KeyObject;
  try {
    key = publicKeyObject(publicKey);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    verify(null, data, key, signature, (error, ok) => resolve(!error && ok));
  });
}
