import { generateInstallationKeyPair, installationKeyPairSchema, type InstallationKeyPair } from '@usage-reporting/core/node';
import { secretKeys } from '../store/keys.js';
import { claimSecret, readSecret, removeSecret, writeSecret } from '../store/kvs-store.js';

/**
 * The installation's Ed25519 signing keys, in KVS secret storage (kvs.setSecret): never in a plain
 * value, never exported, never sent. Only public keys leave (packages/core/src/collector-api/identity.ts).
 */
const readKey = (key: string): Promise<InstallationKeyPair | undefined> => readSecret(key, installationKeyPairSchema);

/** Reads the key pair at `key`, creating it if absent; of two concurrent creators exactly one wins, and both use its key. */
async function readOrCreateKey(key: string): Promise<InstallationKeyPair> {
  const existing = await readKey(key);
  if (existing) return existing;
  const fresh = generateInstallationKeyPair();
  if ((await claimSecret(key, fresh)) === 'claimed') return fresh;
  // Another invocation created it first: use theirs, so there is exactly one.
  const winner = await readKey(key);
  if (!winner) throw new Error(`signing key '${key}' vanished after a concurrent create`);
  return winner;
}

/** The key the installation signs with now; made at first use (the genesis key, which the installation id is derived from). */
export const currentSigningKey = (): Promise<InstallationKeyPair> => readOrCreateKey(secretKeys.signingKey);
export const readCurrentSigningKey = (): Promise<InstallationKeyPair | undefined> => readKey(secretKeys.signingKey);

/** The new key of a rotation in progress, if one is. */
export const pendingNextKey = (): Promise<InstallationKeyPair | undefined> => readKey(secretKeys.signingKeyNext);

/** The new key for a rotation: the pending one if a rotation was cut short (the collector may already hold it), else a fresh one. */
export const nextKeyForRotation = (): Promise<InstallationKeyPair> => readOrCreateKey(secretKeys.signingKeyNext);

/**
 * Makes the rotation's new key the current one, then forgets the pending copy. In this order, a stop
 * between the two leaves current == next, which the next load recognises and tidies.
 */
export async function promoteNextKey(next: InstallationKeyPair): Promise<void> {
  await writeSecret(secretKeys.signingKey, next);
  await removeSecret(secretKeys.signingKeyNext);
}

/** Deletes the signing key and any pending rotation key; returns how many existed. */
export async function deleteSigningKeys(): Promise<number> {
  let deleted = 0;
  for (const key of [secretKeys.signingKey, secretKeys.signingKeyNext]) if (await removeSecret(key)) deleted += 1;
  return deleted;
}
