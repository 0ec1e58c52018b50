import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { idempotencyKeyHeader, type Receipt } from '../../shared/collector-api/ingest';
import { routePatterns } from '../../shared/collector-api/paths';
import { canonicalJson } from '../../shared/report/canonical-json';
import { sha256Hex } from '../../shared/report/digest';
import type { StoredReport } from '../store/store';
import { authenticate, overInstallationLimit, refuseUnauthenticated, replayed } from './authenticate';
import { failure, sendFailure } from './errors';
import { isJsonContentType, rawBody, type CollectorContext } from './context';
import { validateReport } from './validate-report';

const receiptOf = (r: StoredReport, duplicate: boolean): Receipt => ({
  receiptId: r.receiptId,
  reportId: r.reportId,
  receivedAt: r.receivedAt,
  digest: r.digest,
  duplicate
});

/**
 * POST /v1/reports. The signature and key come first: a request that does not prove its installation
 * learns nothing about its body or the store. Every other check happens before anything is written,
 * so a rejected request leaves no trace; a resent stored report returns its original receipt.
 */
export function registerIngest(app: FastifyInstance, ctx: CollectorContext): void {
  app.post(routePatterns.ingest, async (request, reply) => {
    const auth = await authenticate(request, ctx);
    if (!auth.ok) return refuseUnauthenticated(request, reply, ctx, auth.failure);
    const { signer } = auth;
    // A read, not a write: the nonce is recorded in the insert's own transaction below. Checking here
    // keeps replays of a captured report from spending the installation's budget.
    if (await ctx.store.nonceSeen(signer.installationId, signer.nonce)) return refuseUnauthenticated(request, reply, ctx, replayed);
    const limited = overInstallationLimit(reply, ctx.ingestLimiter, signer.installationId);
    if (limited) return limited;

    if (!isJsonContentType(request.headers['content-type'])) {
      return sendFailure(reply, failure('UNSUPPORTED_MEDIA_TYPE', 'Send the report as content-type application/json.'));
    }
    const key = request.headers[idempotencyKeyHeader];
    if (typeof key !== 'string' || key === '') {
      return sendFailure(reply, failure('IDEMPOTENCY_KEY_MISSING', `Send the report's reportId in the ${idempotencyKeyHeader} header.`));
    }
    const bytes = rawBody(request.body);
    let json: unknown;
    try {
      json = JSON.parse(bytes);
    } catch {
      return sendFailure(reply, failure('MALFORMED_JSON', 'The body is not valid JSON.'));
    }
    const valid = validateReport(json, ctx.catalog);
    if (!valid.ok) return sendFailure(reply, valid.failure);
    const report = valid.report;
    if (report.installationId !== signer.installationId) {
      return sendFailure(reply, failure('FORBIDDEN', 'An installation may only send reports under its own installation id.'));
    }
    // The stored bytes must be the ones the admin previewed; only canonical JSON has one spelling.
    if (canonicalJson(json) !== bytes) {
      return sendFailure(reply, failure('NOT_CANONICAL', 'The body is not the canonical JSON of the report (sorted keys, no whitespace).'));
    }
    if (key !== report.reportId) {
      return sendFailure(reply, failure('IDEMPOTENCY_KEY_MISMATCH', `The ${idempotencyKeyHeader} header differs from the body's reportId.`));
    }

    const stored: StoredReport = {
      reportId: report.reportId,
      receiptId: randomUUID(),
      installationId: report.installationId,
      receivedAt: ctx.now().toISOString(),
      digest: sha256Hex(bytes),
      bytes
    };
    const outcome = await ctx.store.insertReport(stored, { installationId: signer.installationId, nonce: signer.nonce, forgetAt: signer.forgetAt });
    // Two copies of one request in flight at once: the second loses the nonce race here.
    if ('replayed' in outcome) return refuseUnauthenticated(request, reply, ctx, replayed);
    if (outcome.inserted) return reply.code(201).send(receiptOf(stored, false));
    if (outcome.existing.digest !== stored.digest) {
      return sendFailure(reply, failure('IDEMPOTENCY_CONFLICT', 'This reportId was already received with different content.'));
    }
    return reply.code(200).send(receiptOf(outcome.existing, true));
  });
}
