import type { FastifyReply, FastifyRequest } from 'fastify';
import { signatureWindowMs } from '@usage-reporting/core/node';
import { installationIdOf } from '@usage-reporting/core/node';
import { failure, sendFailure, type Failure } from './errors.js';
import { rawBody, type CollectorContext } from './context.js';
import { isHandOverReplay } from './hand-over-policy.js';
import { verifySignedRequest, type CheckedRequest } from './verify-signature.js';

/** A request whose signature verified; whether its key speaks for `installationId` is decided separately. */
export interface Signer {
  installationId: string;
  publicKey: string;
  nonce: string;
  /** When the nonce may be forgotten: its signature has expired by then, so a replay fails anyway. */
  forgetAt: string;
  /** Lowercase hex SHA-256 of the body the signature covers: a stored report's digest, hashed once with its content-digest. */
  bodyDigest: string;
}

export type Verified = { ok: true; signer: Signer } | { ok: false; failure: Failure };

/**
 * One answer for every request that does not prove who sent it (no signature, a malformed or wrong
 * one, a key that does not speak for the id): it must not tell a prober whether the installation
 * exists, which key it holds, or whether the body would have been valid.
 */
export const unauthenticated = failure('UNAUTHENTICATED', 'The request is not signed by a key that speaks for the installation it names.');

/** The signature's cryptography only, over the exact body text; before anything else looks at the request. */
export async function verifySignature(request: FastifyRequest, ctx: CollectorContext): Promise<Verified> {
  // A hand-over file's request may be weeks old (hand-over-policy.ts); everything else about it is checked alike.
  const fromFile = isHandOverReplay(request, ctx.handOver);
  const windowMs = fromFile ? ctx.handOver.windowMs : signatureWindowMs;
  const now = ctx.now();
  const check = await verifySignedRequest({ method: request.method, path: request.url, headers: request.headers, body: rawBody(request.body), now, windowMs });
  // A file is signed before it is handed over, never after: only the direct window's clock skew lies ahead.
  const fromTheFuture = check.ok && check.createdAt.getTime() - now.getTime() > signatureWindowMs;
  if (!check.ok || fromTheFuture) {
    // Only reachable after the signature verified, so telling the holder of the key costs nothing.
    if (fromTheFuture || (!check.ok && check.reason === 'expired')) {
      return { ok: false, failure: failure('SIGNATURE_EXPIRED', `The signature was made more than ${windowMs / 1000} seconds from the collector's clock; sign again.`) };
    }
    return { ok: false, failure: unauthenticated };
  }
  return { ok: true, signer: signerOf(check, windowMs) };
}

/** The nonce is kept as long as its signature is accepted: a file's for as long as a file may be handed over. */
const signerOf = (v: Extract<CheckedRequest, { ok: true }>, windowMs: number): Signer => ({
  installationId: v.installationId,
  publicKey: v.publicKey,
  nonce: v.nonce,
  forgetAt: new Date(v.createdAt.getTime() + windowMs).toISOString(),
  bodyDigest: v.bodyDigest
});

/**
 * Whether `publicKey` may speak for the installation now: the newest key of the chain the collector
 * holds, or, while it holds none, the key whose hash is the id (nobody else can have made that key).
 * A rotated-away key is refused even though the id still certifies it: the chain says it was retired.
 */
export async function keySpeaksFor(ctx: CollectorContext, installationId: string, publicKey: string): Promise<boolean> {
  return headAccepts(await ctx.store.keyChainHeadOf(installationId), installationId, publicKey);
}

const headAccepts = (head: string | null, installationId: string, publicKey: string): boolean =>
  head === null ? installationIdOf(publicKey) === installationId : head === publicKey;

/** Signature, then key. The nonce is the caller's to record: ingest records it with the report. */
export async function authenticate(request: FastifyRequest, ctx: CollectorContext): Promise<Verified> {
  const verified = await verifySignature(request, ctx);
  if (!verified.ok) return verified;
  if (!(await keySpeaksFor(ctx, verified.signer.installationId, verified.signer.publicKey))) return { ok: false, failure: unauthenticated };
  return verified;
}

/**
 * Signature, then key and nonce from one store read (Store.signerStanding): the ingest path, which
 * records the nonce with the report. A key that does not speak for the id is refused before a replay
 * is, exactly as authenticate() followed by nonceSeen() would answer.
 */
export async function authenticateUnseen(request: FastifyRequest, ctx: CollectorContext): Promise<Verified> {
  const verified = await verifySignature(request, ctx);
  if (!verified.ok) return verified;
  const { installationId, publicKey, nonce } = verified.signer;
  const standing = await ctx.store.signerStanding(installationId, nonce);
  if (!headAccepts(standing.keyChainHead, installationId, publicKey)) return { ok: false, failure: unauthenticated };
  if (standing.nonceSeen) return { ok: false, failure: replayed };
  return verified;
}

/** Records the nonce before the request acts, so a replay never acts twice. */
export async function recordNonce(ctx: CollectorContext, signer: Signer): Promise<Failure | null> {
  return (await ctx.store.rememberNonce(signer.installationId, signer.nonce, signer.forgetAt)) ? null : replayed;
}

export const replayed = failure('SIGNATURE_REPLAYED', 'This signed request was already received; a replay is not accepted. Sign again with a fresh nonce.');

/**
 * Answers a request that failed authentication. Such traffic is charged to its source address's
 * unauthenticated budget, never to an installation's (it proved no installation); past that budget the
 * answer is 429 instead of 401. Genuine installations share Forge's egress addresses, which is why
 * this runs only AFTER a signature failed to verify: an address over budget still gets every correctly
 * signed request served.
 */
export function refuseUnauthenticated(request: FastifyRequest, reply: FastifyReply, ctx: CollectorContext, f: Failure): FastifyReply {
  const take = ctx.unauthenticatedLimiter.take(request.ip);
  if (!take.ok) {
    reply.header('retry-after', String(take.retryAfterSeconds));
    return sendFailure(reply, failure('RATE_LIMITED', 'Too many unauthenticated requests from this address; retry later.'));
  }
  return sendFailure(reply, f);
}

/** Charges the verified installation's budget; a 429 answer when it is spent. */
export function overInstallationLimit(reply: FastifyReply, limiter: CollectorContext['ingestLimiter'], installationId: string): FastifyReply | null {
  const take = limiter.take(installationId);
  if (take.ok) return null;
  reply.header('retry-after', String(take.retryAfterSeconds));
  return sendFailure(reply, failure('RATE_LIMITED', 'Too many requests for this installation; retry later.'));
}
