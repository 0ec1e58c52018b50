import { installationPaths } from './paths';
import type { RestrictablePurpose } from './rights';
import { deriveVerificationKey, signRequest } from './signing';

/**
 * Builds the exact HTTP request the app sends for each rights action: method, path, headers and body
 * bytes. Pure (the nonce and clock come in), so the app's rights client only adds fetch and the
 * collector's base URL. Uses node:crypto through signing.ts: backend only.
 */
export type RightsAction =
  /** First contact: establish the verification key derived from the secret. Unsigned by design. */
  | { kind: 'establish-key' }
  /** Replace the key with one derived from `newSecret`, signed with the current secret. */
  | { kind: 'rotate-key'; newSecret: Uint8Array }
  | { kind: 'export' }
  | { kind: 'delete' }
  | { kind: 'restrict'; restrictedPurposes: readonly RestrictablePurpose[] };

export interface RightsHttpRequest {
  method: 'GET' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  /** The body bytes to send verbatim (the signature covers them); '' means send no body. */
  body: string;
}

export function rightsRequest(input: {
  secret: Uint8Array;
  installationId: string;
  action: RightsAction;
  now: Date;
  nonce: string;
}): RightsHttpRequest {
  const paths = installationPaths(input.installationId);
  const json = { 'content-type': 'application/json' };
  const signed = (method: RightsHttpRequest['method'], path: string, body: string): RightsHttpRequest => ({
    method,
    path,
    body,
    headers: {
      ...(body === '' ? {} : json),
      ...signRequest({ secret: input.secret, installationId: input.installationId, method, path, body, now: input.now, nonce: input.nonce })
    }
  });
  const { action } = input;
  switch (action.kind) {
    case 'establish-key':
      return {
        method: 'PUT',
        path: paths.key,
        headers: json,
        body: JSON.stringify({ verificationKey: deriveVerificationKey(input.secret, input.installationId) })
      };
    case 'rotate-key':
      return signed('PUT', paths.key, JSON.stringify({ verificationKey: deriveVerificationKey(action.newSecret, input.installationId) }));
    case 'export':
      return signed('GET', paths.export, '');
    case 'delete':
      return signed('DELETE', paths.data, '');
    case 'restrict':
      return signed('PUT', paths.restrictions, JSON.stringify({ restrictedPurposes: [...action.restrictedPurposes] }));
  }
}
