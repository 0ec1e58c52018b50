import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateInstallationKeyPair, installationKeyPairSchema, type Ed25519KeyPair } from '@usage-reporting/core/node';

/**
 * The local collector's answer-signing key. Kept in the data folder beside its database, so the
 * receipts the app verified stay verifiable, and the key the app is given (its
 * USAGE_REPORTING_COLLECTOR_PUBLIC_KEY variable) stays the same across restarts; `--reset` makes a new one.
 */
const FILE = 'collector-signing-key.json';

export async function collectorSigningKey(dataDir: string): Promise<Ed25519KeyPair> {
  const file = path.join(dataDir, FILE);
  const held = await readFile(file, 'utf8').then(
    (text) => installationKeyPairSchema.safeParse(JSON.parse(text)),
    (error: unknown) => {
      // Not `instanceof Error`: errors from node:fs come from another realm under jest.
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
      throw error;
    }
  );
  if (held?.success) return held.data;
  const key = generateInstallationKeyPair();
  await writeFile(file, `${JSON.stringify(key)}\n`, { mode: 0o600 });
  return key;
}
