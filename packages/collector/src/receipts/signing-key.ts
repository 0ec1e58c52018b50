import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Ed25519KeyPair } from '@usage-reporting/core/node';

/**
 * The collector's own Ed25519 key, which signs every answer that proves something (receipts and
 * acknowledgements, answer-signing.ts in core). The vendor gives the app its public half; the private
 * half stays with the collector, as a PKCS#8 file or in the environment. Messages never quote a key.
 */
export type SigningKeyResult = { ok: true; key: Ed25519KeyPair } | { ok: false; message: string };

const rawTail = (der: Buffer): string => der.subarray(der.length - 32).toString('base64url');

/** A PKCS#8 Ed25519 private key: a PEM block, or its DER as base64 (one line, for an environment variable). */
export function parseSigningKey(text: string): SigningKeyResult {
  const trimmed = text.trim();
  if (trimmed.includes('ENCRYPTED PRIVATE KEY')) return { ok: false, message: 'is an encrypted private key; give the collector an unencrypted PKCS#8 key' };
  let key;
  try {
    key = trimmed.startsWith('-----BEGIN') ? createPrivateKey(trimmed) : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    return { ok: false, message: 'is not a PKCS#8 private key (a PEM block, or its DER as base64)' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { ok: false, message: `is a ${key.asymmetricKeyType ?? 'unknown'} key; the collector signs with Ed25519` };
  // A KeyObject read from text, exported as DER: never the JWK export of a freshly generated key (identity.ts says why).
  const privateKey = rawTail(key.export({ type: 'pkcs8', format: 'der' }));
  const publicKey = rawTail(createPublicKey(key).export({ type: 'spki', format: 'der' }));
  return { ok: true, key: { publicKey, privateKey } };
}

/** A new key as the PKCS#8 PEM to keep, encoded by the generator itself. */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).privateKey;
}

export type KeyFileResult = { ok: true; key: Ed25519KeyPair; created: boolean } | { ok: false; message: string };

/**
 * The key in `path`, made there first if the file does not exist and `create` allows: readable by the
 * collector's user only. Created exclusively, so two collectors starting at once on one directory end
 * up with one key.
 */
export function loadOrCreateKeyFile(path: string, create = true): KeyFileResult {
  let created = false;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return { ok: false, message: `${path} cannot be read (${codeOf(error) ?? 'error'})` };
    if (!create) return { ok: false, message: `${path} does not exist` };
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (writeError) {
      if (codeOf(writeError) !== 'EEXIST') return { ok: false, message: `${path} cannot be created (${codeOf(writeError) ?? 'error'})` };
    }
    text = readFileSync(path, 'utf8');
  }
  const parsed = parseSigningKey(text);
  return parsed.ok ? { ok: true, key: parsed.key, created } : { ok: false, message: `${path} ${parsed.message}` };
}

const codeOf = (error: unknown): string | undefined => {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
};

export interface SigningKeyConfig {
  COLLECTOR_SIGNING_KEY?: string;
  COLLECTOR_SIGNING_KEY_FILE?: string;
  COLLECTOR_DB: string;
  COLLECTOR_DATABASE_URL?: string;
}

const keyFileName = 'collector-signing-key.pem';

/**
 * Where the key is kept when the configuration names none: beside the SQLite file, the collector's
 * one data file. With PostgreSQL there is no such file, and the key is kept in the working directory
 * rather than in a data directory made for a database that is not used; a deployment whose working
 * directory does not survive a restart names the key instead.
 */
export const defaultKeyFile = (config: SigningKeyConfig): string => (config.COLLECTOR_DATABASE_URL === undefined ? join(dirname(config.COLLECTOR_DB), keyFileName) : keyFileName);

export type ResolvedSigningKey =
  | { ok: true; key: Ed25519KeyPair; /** Where it came from, for the start-up line. */ source: string; /** True when it was made just now. */ created: boolean }
  | { ok: false; message: string };

/**
 * The key the configuration names: COLLECTOR_SIGNING_KEY itself, else the file COLLECTOR_SIGNING_KEY_FILE
 * (made on first start when missing), else the default file (defaultKeyFile, the same). An in-memory
 * database gets a key for this process only: its answers cannot be verified after a restart, and
 * neither can anything else about that collector. `create: false` (the CLI's ingest): a missing file
 * is an error, since a key made now is one no app has been given.
 */
export function resolveSigningKey(config: SigningKeyConfig, options: { create?: boolean } = {}): ResolvedSigningKey {
  const create = options.create ?? true;
  const { COLLECTOR_SIGNING_KEY: inline, COLLECTOR_SIGNING_KEY_FILE: file, COLLECTOR_DB: db } = config;
  if (inline !== undefined && file !== undefined) return { ok: false, message: 'set COLLECTOR_SIGNING_KEY or COLLECTOR_SIGNING_KEY_FILE, not both' };
  if (inline !== undefined) {
    const parsed = parseSigningKey(inline);
    return parsed.ok ? { ok: true, key: parsed.key, source: 'COLLECTOR_SIGNING_KEY', created: false } : { ok: false, message: `COLLECTOR_SIGNING_KEY ${parsed.message}` };
  }
  if (file === undefined && db === ':memory:' && config.COLLECTOR_DATABASE_URL === undefined && create) {
    const parsed = parseSigningKey(generateSigningKeyPem());
    return parsed.ok ? { ok: true, key: parsed.key, source: 'made for this process only (in-memory database)', created: true } : parsed;
  }
  const path = file ?? defaultKeyFile(config);
  const loaded = loadOrCreateKeyFile(path, create);
  if (!loaded.ok) return { ok: false, message: `${file === undefined ? 'the collector signing key file' : 'COLLECTOR_SIGNING_KEY_FILE'}: ${loaded.message}` };
  return { ok: true, key: loaded.key, source: path, created: loaded.created };
}
