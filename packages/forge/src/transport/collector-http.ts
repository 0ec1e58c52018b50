import { randomBytes } from 'node:crypto';
import { fetch as forgeFetch } from '@forge/api';
import type { CollectorHttpRequest } from '@usage-reporting/core/node';
import { collectorErrorBodySchema, type CollectorErrorCode } from '@usage-reporting/core/collector-api';
import type { SigningIdentity } from '../identity/identity.js';
import { collectorAddress } from './collector-address.js';
import { networkReason, requestTimeoutMs, type FetchLike } from './report-transport.js';

/** What came back from one signed request: an answer to classify, or no answer at all. */
export type CollectorAnswer =
  | { kind: 'answered'; status: number; text: string; code: CollectorErrorCode | undefined; sent: CollectorHttpRequest; signerPublicKey: string; installationId: string }
  | { kind: 'unreachable'; reason: string };

export type BuildRequest = (signer: { key: SigningIdentity['key']; installationId: string; now: Date; nonce: string }) => Promise<CollectorHttpRequest>;

/**
 * Signs one request with the given key and sends it to the manifest's collector, once. The signature
 * is made here, at the moment of sending, so its `created` time is fresh on every retry.
 */
export async function sendSignedOnce(
  signer: { key: SigningIdentity['key']; installationId: string },
  build: BuildRequest,
  fetchImpl: FetchLike = forgeFetch
): Promise<CollectorAnswer> {
  const address = collectorAddress();
  // A missing or ambiguous manifest entry is a packaging error; retrying later may meet a fixed deployment.
  if (!address.ok) return { kind: 'unreachable', reason: `collector address unavailable: ${address.reason}` };
  const request = await build({ ...signer, now: new Date(), nonce: randomBytes(16).toString('base64url') });
  let res: { status: number; text(): Promise<string> };
  try {
    res = await fetchImpl(`${address.baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === '' ? {} : { body: request.body }),
      signal: AbortSignal.timeout(requestTimeoutMs())
    });
  } catch (error) {
    // Timeout, DNS, reset: the collector may or may not have acted; every request is safe to repeat.
    return { kind: 'unreachable', reason: networkReason(error) };
  }
  const text = await res.text().catch(() => '');
  const error = collectorErrorBodySchema.safeParse(safeJson(text));
  return { kind: 'answered', status: res.status, text, code: error.success ? error.data.error.code : undefined, sent: request, signerPublicKey: signer.key.publicKey, installationId: signer.installationId };
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
