import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { overInstallationLimit, recordNonce, refuseUnauthenticated, type Signer } from './authenticate.js';
import { failure, safeIssues, sendFailure, type Failure } from './errors.js';
import { isJsonContentType, rawBody, type CollectorContext } from './context.js';

const paramsSchema = z.object({ installationId: z.uuid() });

/** The body of a rights request, parsed: JSON of the given schema, or a failure saying what is wrong. */
export function parseBody<T>(request: FastifyRequest, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; failure: Failure } {
  if (!isJsonContentType(request.headers['content-type'])) return { ok: false, failure: failure('UNSUPPORTED_MEDIA_TYPE', 'Send content-type application/json.') };
  let json: unknown;
  try {
    json = JSON.parse(rawBody(request.body));
  } catch {
    return { ok: false, failure: failure('MALFORMED_JSON', 'The body is not valid JSON.') };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, failure: failure('SCHEMA_VIOLATION', 'The body does not match the request schema.', safeIssues(parsed.error.issues, json)) };
  return { ok: true, value: parsed.data };
}

/**
 * Signature, key, path, nonce, then the installation's budget: in that order, so a request that
 * proves nothing learns nothing (not even whether the path names a real installation), a replay
 * never acts twice, and only a verified installation spends its own budget. The signer's id, not the
 * path, decides whose data it is; a path naming another installation is refused.
 */
export async function admitSigned(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: CollectorContext,
  authenticated: (request: FastifyRequest) => Promise<{ ok: true; signer: Signer } | { ok: false; failure: Failure }>
): Promise<Signer | null> {
  const auth = await authenticated(request);
  if (!auth.ok) {
    void refuseUnauthenticated(request, reply, ctx, auth.failure);
    return null;
  }
  // The path before the nonce: a signer refused here leaves no trace, not even a nonce.
  const params = paramsSchema.safeParse(request.params);
  if (!params.success || params.data.installationId !== auth.signer.installationId) {
    void sendFailure(reply, failure('FORBIDDEN', 'An installation may only act on its own data.'));
    return null;
  }
  const replay = await recordNonce(ctx, auth.signer);
  if (replay) {
    void refuseUnauthenticated(request, reply, ctx, replay);
    return null;
  }
  if (overInstallationLimit(reply, ctx.rightsLimiter, auth.signer.installationId)) return null;
  return auth.signer;
}
