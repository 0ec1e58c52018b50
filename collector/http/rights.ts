import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routePatterns } from '../../shared/collector-api/paths';
import {
  establishKeyRequestSchema,
  restrictRequestSchema,
  restrictablePurposes,
  type DeletionAcknowledgement,
  type EstablishKeyResponse,
  type InstallationExport,
  type Restrictions
} from '../../shared/collector-api/rights';
import { signatureHeaders } from '../../shared/collector-api/signing';
import { authenticate } from './authenticate';
import { failure, safeIssues, sendFailure, type Failure } from './errors';
import { isJsonContentType, rawBody, type CollectorContext } from './context';

const paramsSchema = z.object({ installationId: z.uuid() });
const rightsBodyLimit = 4 * 1024;

/** The body of a rights request, parsed: JSON of the given schema, or a failure saying what is wrong. */
function parseBody<T>(request: FastifyRequest, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; failure: Failure } {
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
 * The per-installation rights API. Each route: rate limit by the target installation (so guessing
 * signatures is slow too), authenticate the signer as that installation, then act.
 */
export function registerRights(app: FastifyInstance, ctx: CollectorContext): void {
  const target = (request: FastifyRequest, reply: FastifyReply): string | null => {
    const params = paramsSchema.safeParse(request.params);
    if (!params.success) {
      void sendFailure(reply, failure('SCHEMA_VIOLATION', 'The path does not name an installation.', [{ path: 'installationId', message: 'not a valid uuid' }]));
      return null;
    }
    const take = ctx.rightsLimiter.take(params.data.installationId);
    if (!take.ok) {
      reply.header('retry-after', String(take.retryAfterSeconds));
      void sendFailure(reply, failure('RATE_LIMITED', 'Too many requests for this installation; retry later.'));
      return null;
    }
    return params.data.installationId;
  };

  app.put(routePatterns.installationKey, { bodyLimit: rightsBodyLimit }, async (request, reply) => {
    const installationId = target(request, reply);
    if (installationId === null) return reply;
    const body = parseBody(request, establishKeyRequestSchema);
    if (!body.ok) return sendFailure(reply, body.failure);
    const held = await ctx.store.getKey(installationId);
    const now = ctx.now().toISOString();
    const respond = (status: number, outcome: EstablishKeyResponse['outcome'], establishedAt: string) =>
      reply.code(status).send({ installationId, outcome, establishedAt } satisfies EstablishKeyResponse);

    if (!held) {
      // Trust on first use: nothing is established yet that a first request could be signed with.
      await ctx.store.putKey({ installationId, verificationKey: body.value.verificationKey, establishedAt: now });
      return respond(201, 'established', now);
    }
    const same = timingSafeEqual(Buffer.from(held.verificationKey), Buffer.from(body.value.verificationKey));
    if (same) return respond(200, 'unchanged', held.establishedAt);
    if (request.headers[signatureHeaders.signature] === undefined) {
      return sendFailure(reply, failure('KEY_ALREADY_ESTABLISHED', 'A different key is established for this installation; sign the rotation with it.'));
    }
    const auth = await authenticate(request, ctx, installationId);
    if (!auth.ok) return sendFailure(reply, auth.failure);
    await ctx.store.putKey({ installationId, verificationKey: body.value.verificationKey, establishedAt: now });
    return respond(200, 'rotated', now);
  });

  app.get(routePatterns.export, async (request, reply) => {
    const installationId = target(request, reply);
    if (installationId === null) return reply;
    const auth = await authenticate(request, ctx, installationId);
    if (!auth.ok) return sendFailure(reply, auth.failure);
    const [key, restriction, reports, deletions, nonces] = await Promise.all([
      ctx.store.getKey(installationId),
      ctx.store.getRestrictions(installationId),
      ctx.store.reportsOf(installationId),
      ctx.store.deletionsOf(installationId),
      ctx.store.noncesOf(installationId)
    ]);
    const document: InstallationExport = {
      installationId,
      exportedAt: ctx.now().toISOString(),
      key: key ? { establishedAt: key.establishedAt, fingerprint: createHash('sha256').update(key.verificationKey).digest('hex') } : null,
      restrictions: { installationId, restrictedPurposes: restriction?.purposes ?? [], updatedAt: restriction?.updatedAt ?? null },
      reports: reports.map((r) => ({
        receiptId: r.receiptId,
        reportId: r.reportId,
        receivedAt: r.receivedAt,
        digest: r.digest,
        bytes: r.bytes,
        report: z.record(z.string(), z.unknown()).parse(JSON.parse(r.bytes))
      })),
      deletions: deletions.map((d) => ({ acknowledgementId: d.acknowledgementId, acknowledgedAt: d.acknowledgedAt, deletedReports: d.deletedReports })),
      recentNonces: nonces
    };
    return reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="installation-${installationId}.json"`).send(document);
  });

  app.delete(routePatterns.data, async (request, reply) => {
    const installationId = target(request, reply);
    if (installationId === null) return reply;
    const auth = await authenticate(request, ctx, installationId);
    if (!auth.ok) return sendFailure(reply, auth.failure);
    const record = await ctx.store.deleteReportsOf(installationId, {
      acknowledgementId: randomUUID(),
      installationId,
      acknowledgedAt: ctx.now().toISOString()
    });
    const ack: DeletionAcknowledgement = {
      ...record,
      retained: [
        'the verification key, so this installation can still prove who it is',
        'the purpose restrictions, so they keep being honoured',
        'this acknowledgement, as the record that the erasure happened',
        'daily aggregates, which hold no installation id and no cell of fewer than k installations; days still within retention are recomputed without this installation'
      ]
    };
    return reply.code(200).header('cache-control', 'no-store').send(ack);
  });

  app.put(routePatterns.restrictions, { bodyLimit: rightsBodyLimit }, async (request, reply) => {
    const installationId = target(request, reply);
    if (installationId === null) return reply;
    const auth = await authenticate(request, ctx, installationId);
    if (!auth.ok) return sendFailure(reply, auth.failure);
    const body = parseBody(request, restrictRequestSchema);
    if (!body.ok) return sendFailure(reply, body.failure);
    const purposes = restrictablePurposes.filter((p) => body.value.restrictedPurposes.includes(p));
    const updatedAt = ctx.now().toISOString();
    await ctx.store.setRestrictions(installationId, { purposes, updatedAt });
    return reply.code(200).send({ installationId, restrictedPurposes: purposes, updatedAt } satisfies Restrictions);
  });
}
