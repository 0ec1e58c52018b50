import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { routePatterns } from '@usage-reporting/core/collector-api';
import { signedReceipt } from '../receipts/answers.js';
import type { StoredReport } from '../store/store.js';
import { authenticateUnseen, overInstallationLimit, refuseUnauthenticated, replayed } from './authenticate.js';
import { failure, sendFailure } from './errors.js';
import type { CollectorContext } from './context.js';
import { readReport } from './read-report.js';

/**
 * POST /v1/reports. The signature and key come first: a request that does not prove its installation
 * learns nothing about its body or the store. Every other check happens before anything is written,
 * so a rejected request leaves no trace; a resent stored report returns its original receipt.
 */
export function registerIngest(app: FastifyInstance, ctx: CollectorContext): void {
  app.post(routePatterns.ingest, async (request, reply) => {
    // Key and nonce in one read, not a write: the nonce is recorded in the insert's own transaction
    // below. Checking it here keeps replays of a captured report from spending the installation's budget.
    const auth = await authenticateUnseen(request, ctx);
    if (!auth.ok) return refuseUnauthenticated(request, reply, ctx, auth.failure);
    const { signer } = auth;
    const limited = overInstallationLimit(reply, ctx.ingestLimiter, signer.installationId);
    if (limited) return limited;

    // The same body checks, in the same order, as a correction's (read-report.ts).
    const read = readReport(request, ctx, signer);
    if (!read.ok) return sendFailure(reply, read.failure);
    const { report, bytes, digest } = read;

    const stored: StoredReport = {
      reportId: report.reportId,
      receiptId: randomUUID(),
      installationId: report.installationId,
      receivedAt: ctx.now().toISOString(),
      digest,
      bytes
    };
    const outcome = await ctx.store.insertReport(stored, { installationId: signer.installationId, nonce: signer.nonce, forgetAt: signer.forgetAt });
    // Two copies of one request in flight at once: the second loses the nonce race here.
    if ('replayed' in outcome) return refuseUnauthenticated(request, reply, ctx, replayed);
    if (outcome.inserted) return reply.code(201).send(await signedReceipt(ctx.answerSigner, stored, false));
    if (outcome.existing.digest !== stored.digest) {
      return sendFailure(reply, failure('IDEMPOTENCY_CONFLICT', 'This reportId was already received with different content.'));
    }
    return reply.code(200).send(await signedReceipt(ctx.answerSigner, outcome.existing, true));
  });
}
