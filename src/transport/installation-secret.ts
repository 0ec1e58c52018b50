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

export async function installationSecret(): Promise<Uint8Array> {
  const existing = secretSchema.safeParse(await kvs.getSecret<unknown>(secretKeys.collectorSecret));
  if (existing.success) return Buffer.from(existing.data, 'base64url');
  const fresh = randomBytes(32).toString('base64url');
  try {
    await kvs.setSecret(secretKeys.collectorSecret, fresh, { keyPolicy: 'FAIL_IF_EXISTS' });
    return Buffer.from(fresh, 'base64url');
  } catch (error) {
    // Another invocation created it first: use theirs, so the installation has exactly one secret.
    const winner = secretSchema.safeParse(await kvs.getSecret<unknown>(secretKeys.collectorSecret));
    if (winner.success) return Buffer.from(winner.data, 'base64url');
    throw error;
  }
}

export const deleteInstallationSecret = (): Promise<void> => kvs.deleteSecret(secretKeys.collectorSecret);
