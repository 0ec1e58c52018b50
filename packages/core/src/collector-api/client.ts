import { idempotencyKeyHeader } from './ingest.js';
import { ingestPath } from './paths.js';
import { installationPaths } from './paths.js';
import type { RestrictablePurpose } from './rights.js';
import { signCollectorRequest } from './http-signature.js';
import type { InstallationKeyPair } from './identity.js';
import type { KeyChain } from './key-chain.js';

/**
 * Builds the exact HTTP request the app sends to the collector: method, path, headers and body bytes,
 * signed (http-signature.ts). A function of its input (the nonce and clock come in), so the app's
 * transport only adds fetch and the collector's base URL, and tests build the same requests.
 * Backend only (node:crypto).
 */
export type RightsAction =
  /**
   * Tells the collector every key this installation has used, genesis first, each endorsed by the one
   * before (key-chain.ts). Signed by the chain's newest key, so it also proves that key is held. Sent
   * when the app rotates its key, and again whenever the collector does not recognise the current key.
   */
  | { kind: 'present-key-chain'; chain: KeyChain }
  /** Retract one report this installation sent (corrections.ts). */
  | { kind: 'retract'; reportId: string }
  | { kind: 'export' }
  | { kind: 'delete' }
  | { kind: 'restrict'; restrictedPurposes: readonly RestrictablePurpose[] };

export interface CollectorHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  /** The body bytes to send verbatim (the signature covers them); '' means send no body. */
  body: string;
}

interface Signer {
  /** The key the installation signs with now (the head of its key chain). */
  key: InstallationKeyPair;
  installationId: string;
  now: Date;
  /** 16-64 base64url characters, fresh per request, e.g. randomBytes(16).toString('base64url'). */
  nonce: string;
}

async function signed(signer: Signer, method: CollectorHttpRequest['method'], path: string, body: string, extra: Record<string, string> = {}): Promise<CollectorHttpRequest> {
  const signature = await signCollectorRequest({ ...signer, method, path, body });
  return { method, path, body, headers: { ...(body === '' ? {} : { 'content-type': 'application/json' }), ...extra, ...signature } };
}

/** POST /v1/reports with exactly the report bytes the admin previewed. */
export function reportRequest(input: Signer & { reportText: string; reportId: string }): Promise<CollectorHttpRequest> {
  return signed(input, 'POST', ingestPath, input.reportText, { [idempotencyKeyHeader]: input.reportId });
}

/** POST the correcting report's exact bytes, naming the report it replaces (corrections.ts). */
export function correctionRequest(input: Signer & { reportText: string; reportId: string; supersedes: string }): Promise<CollectorHttpRequest> {
  return signed(input, 'POST', installationPaths(input.installationId).correction(input.supersedes), input.reportText, { [idempotencyKeyHeader]: input.reportId });
}

export function rightsRequest(input: Signer & { action: RightsAction }): Promise<CollectorHttpRequest> {
  const paths = installationPaths(input.installationId);
  const { action } = input;
  switch (action.kind) {
    case 'present-key-chain':
      return signed(input, 'PUT', paths.key, JSON.stringify({ chain: action.chain }));
    case 'retract':
      return signed(input, 'DELETE', paths.report(action.reportId), '');
    case 'export':
      return signed(input, 'GET', paths.export, '');
    case 'delete':
      return signed(input, 'DELETE', paths.data, '');
    case 'restrict':
      return signed(input, 'PUT', paths.restrictions, JSON.stringify({ restrictedPurposes: [...action.restrictedPurposes] }));
  }
}
