import type { FastifyRequest } from 'fastify';
import { readSignatureHeaders, signatureHeaders, signatureWindowMs, verifySignature } from '../../shared/collector-api/signing';
import { failure, type Failure } from './errors';
import { rawBody, type CollectorContext } from './context';

export type Authenticated = { ok: true; installationId: string } | { ok: false; failure: Failure };

/**
 * Verifies a signed rights request and that the signer acts on its own installation. Order matters:
 * the MAC is checked before the nonce is recorded (unauthenticated traffic cannot fill the nonce
 * table), and the nonce is recorded before the request acts (a replay never acts twice).
 */
export async function authenticate(request: FastifyRequest, ctx: CollectorContext, targetInstallationId: string): Promise<Authenticated> {
  const claims = readSignatureHeaders(request.headers);
  if (!claims) {
    const names = Object.values(signatureHeaders).join(', ');
    return { ok: false, failure: failure('UNAUTHENTICATED', `Sign the request: headers ${names} are missing or malformed.`) };
  }
  const key = await ctx.store.getKey(claims.installationId);
  // Same answer as a wrong signature: the response must not reveal which installations exist.
  const rejected: Authenticated = { ok: false, failure: failure('UNAUTHENTICATED', 'The signature does not verify.') };
  if (!key) return rejected;
  const now = ctx.now();
  const check = verifySignature({ verificationKey: key.verificationKey, claims, method: request.method, path: request.url, body: rawBody(request.body), now });
  if (!check.ok) {
    return check.reason === 'expired'
      ? { ok: false, failure: failure('SIGNATURE_EXPIRED', `The signed timestamp is more than ${signatureWindowMs / 1000} seconds from the collector's clock; sign again.`) }
      : rejected;
  }
  const forgetAt = new Date(claims.timestamp + signatureWindowMs).toISOString();
  if (!(await ctx.store.rememberNonce(claims.installationId, claims.nonce, forgetAt))) {
    return { ok: false, failure: failure('SIGNATURE_REPLAYED', 'This signed request was already received; a replay is not accepted.') };
  }
  if (claims.installationId !== targetInstallationId) {
    return { ok: false, failure: failure('FORBIDDEN', "An installation may only act on its own data.") };
  }
  return { ok: true, installationId: claims.installationId };
}
