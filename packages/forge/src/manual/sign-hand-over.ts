import { randomBytes } from 'node:crypto';
import { createHandOver, handOverFileName, serializeHandOver } from '@usage-reporting/core/collector-api';
import { rightsRequest, type CollectorHttpRequest, type InstallationKeyPair } from '@usage-reporting/core/node';
import { loadSigningIdentity } from '../identity/identity.js';
import type { HandOverFile } from './records.js';

export type BuildSigned = (signer: { key: InstallationKeyPair; installationId: string; now: Date; nonce: string }) => Promise<CollectorHttpRequest>;

/**
 * Signs the request the direct transport would send (the same builder from core's client.ts, so the
 * same bytes and headers) with the installation's current key, and wraps it as a hand-over file. An
 * installation that rotated its key adds its key chain, signed by the same key: a collector that only
 * ever sees files has not been told of the rotation, and presents the chain before the request.
 */
export async function signHandOver(build: BuildSigned, now: Date): Promise<HandOverFile> {
  const identity = await loadSigningIdentity(now);
  const signer = { key: identity.key, installationId: identity.installationId, now };
  const nonce = () => randomBytes(16).toString('base64url');
  const request = await build({ ...signer, nonce: nonce() });
  const keyChainRequest =
    identity.chain.links.length > 0 ? await rightsRequest({ ...signer, nonce: nonce(), action: { kind: 'present-key-chain', chain: identity.chain } }) : null;
  const handOver = createHandOver({ request, keyChainRequest, createdAt: now });
  return { fileName: handOverFileName(handOver), text: serializeHandOver(handOver) };
}
