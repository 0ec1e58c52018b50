import { keyFingerprint } from '@usage-reporting/core/node';
import { readCollectorEnv } from '../config.js';
import { resolveSigningKey } from '../receipts/signing-key.js';
import { cliUsage, type CliIo } from './io.js';

/**
 * `usage-reporting-collector public-key`: the collector public key, alone on stdout, for the vendor to
 * put in the app's configuration (the app verifies every receipt with it). Made and kept where the
 * collector will look for it when there is none yet, so the app can be configured before the collector
 * first starts; stderr says its fingerprint and where it is kept.
 */
export async function runPublicKey(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(cliUsage);
    return 2;
  }
  const config = readCollectorEnv(io.env);
  if (!config.ok) {
    io.stderr.write(`${config.message}\n`);
    return 1;
  }
  const resolved = resolveSigningKey(config.env);
  if (!resolved.ok) {
    io.stderr.write(`${resolved.message}\n`);
    return 1;
  }
  io.stdout.write(`${resolved.key.publicKey}\n`);
  io.stderr.write(`collector signing key ${keyFingerprint(resolved.key.publicKey)} (${resolved.created ? 'made now and kept in ' : 'from '}${resolved.source})\n`);
  return 0;
}
