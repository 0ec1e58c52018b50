import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { secretKeys } from '../store/keys';

/**
 * The per-installation secret for the collector's rights API: 32 random bytes made once and kept in
 * KVS secret storage (kvs.setSecret), never in a plain value, never exported, never sent: only a key
 * derived from it leaves (shared/collector-api/signing.ts).
 */
const secretSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

async function readSecret(key: string): Promise<Uint8Array | undefined> {
  const stored = secretSchema.safeParse(await kvs.getSecret<unknown>(key));
  return stored.success ? Buffer.from(stored.data, 'base64url') : undefined;
}

/** Reads the secret at `key`, creating it if absent; of two concurrent creators exactly one wins, and both use its secret. */
async function readOrCreateSecret(key: string): Promise<Uint8Array> {
  const existing = await readSecret(key);
  if (existing) return existing;
  const fresh = randomBytes(32).toString('base64url');
  try {
    await kvs.setSecret(key, fresh, { keyPolicy: 'FAIL_IF_EXISTS' });
    return Buffer.from(fresh, 'base64url');
  } catch (error) {
    // Another invocation created it first: use theirs, so there is exactly one.
    const winner = await readSecret(key);
    if (winner) return winner;
    throw error;
  }
}

export const installationSecret = (): Promise<Uint8Array> => readOrCreateSecret(secretKeys.collectorSecret);

/** The new secret of a rotation in progress, if one is. */
export const pendingNextSecret = (): Promise<Uint8Array | undefined> => readSecret(secretKeys.collectorSecretNext);

/** The new secret for a rotation: the pending one if a rotation was cut short (the collector may already hold it), else a fresh one. */
export const nextSecretForRotation = (): Promise<Uint8Array> => readOrCreateSecret(secretKeys.collectorSecretNext);

/**
 * Makes the rotation's new secret the current one, then forgets the pending copy. In this order, a
 * stop between the two leaves current == next, which the next rotation attempt recognises and tidies.
 */
export async function promoteNextSecret(next: Uint8Array): Promise<void> {
  await kvs.setSecret(secretKeys.collectorSecret, Buffer.from(next).toString('base64url'));
  await kvs.deleteSecret(secretKeys.collectorSecretNext);
}

/** Deletes the secret and any pending rotation secret; returns how many existed. */
export async function deleteInstallationSecrets(): Promise<number> {
  let deleted = 0;
  for (const key of [secretKeys.collectorSecret, secretKeys.collectorSecretNext]) {
    if ((await kvs.getSecret<unknown>(key)) === undefined) continue;
    await kvs.deleteSecret(key);
    deleted += 1;
  }
  return deleted;
}
