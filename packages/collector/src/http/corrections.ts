import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routePatterns } from '@usage-reporting/core/collector-api';
import { signedCorrectionReceipt, signedRetraction } from '../receipts/answers.js';
import type { HeldReport, StoredReport } from '../store/store.js';
import { admitSigned } from './admit.js';
import { authenticate, overInstallationLimit, refuseUnauthenticated, replayed } from './authenticate.js';
import { failure, sendFailure } from './errors.js';
import type { CollectorContext } from './context.js';
import { readReport } from './read-report.js';

const paramsSchema = z.object({ installationId: z.string(), reportId: z.string() });
/** One answer whether the report never existed or is another installation's: the id reveals nothing. */
const reportNotFound = failure('REPORT_NOT_FOUND', 'This installation sent no report with that id.');
const reportSuperseded = failure('REPORT_SUPERSEDED', 'That report was already replaced by a correction; correct or retract the newest report of its chain.');
const periodOf = (r: HeldReport) => z.object({ period: z.object({ from: z.string(), to: z.string() }) }).parse(JSON.parse(r.bytes)).period;

/** The right to correct at the vendor (packages/core/src/collector-api/corrections.ts): correct one report, or retract it. */
export function registerCorrections(app: FastifyInstance, ctx: CollectorContext): void {
  app.post(routePatterns.correction, async (request, reply) => {
    // Authenticated like ingest, since the body is a report: signature and key first, the nonce only
    // read here and recorded with the report, so a refused correction leaves no trace at all.
    const auth = await authenticate(request, ctx);
    if (!auth.ok) return refuseUnauthenticated(request, reply, ctx, auth.failure);
    const { signer } = auth;
    const params = paramsSchema.safeParse(request.params);
    if (!params.success || params.data.installationId !== signer.installationId) {
      return sendFailure(reply, failure('FORBIDDEN', 'An installation may only act on its own data.'));
    }
    if (await ctx.store.nonceSeen(signer.installationId, signer.nonce)) return refuseUnauthenticated(request, reply, ctx, replayed);
    const limited = overInstallationLimit(reply, ctx.rightsLimiter, signer.installationId);
    if (limited) return limited;

    const read = readReport(request, ctx, signer);
    if (!read.ok) return sendFailure(reply, read.failure);
    const { report, bytes, digest } = read;
    const supersedes = params.data.reportId;
    const old = z.uuid().safeParse(supersedes).success ? await ctx.store.reportOf(signer.installationId, supersedes) : null;
    if (!old) return sendFailure(reply, reportNotFound);
    // Superseded by this very report is a repeat: the store answers it with the original receipt.
    if (old.supersededBy !== null && old.supersededBy !== report.reportId) return sendFailure(reply, reportSuperseded);
    const period = periodOf(old);
    // A correction replaces the report's account of its period; another period is a new report, not a correction.
    if (report.period.from !== period.from || report.period.to !== period.to) {
      return sendFailure(reply, failure('SCHEMA_VIOLATION', 'A correction must cover the same period as the report it replaces.', [
        { path: 'period', message: 'differs from the period of the report it corrects' }
      ]));
    }

    const stored: StoredReport = {
      reportId: report.reportId,
      receiptId: randomUUID(),
      installationId: report.installationId,
      receivedAt: ctx.now().toISOString(),
      digest,
      bytes
    };
    const outcome = await ctx.store.insertCorrection(stored, { installationId: signer.installationId, nonce: signer.nonce, forgetAt: signer.forgetAt }, supersedes);
    if ('replayed' in outcome) return refuseUnauthenticated(request, reply, ctx, replayed);
    // Retracted or corrected by another request between the look above and the store's transaction.
    if ('notFound' in outcome) return sendFailure(reply, reportNotFound);
    if ('superseded' in outcome) return sendFailure(reply, reportSuperseded);
    if (outcome.inserted) return reply.code(201).send(await signedCorrectionReceipt(ctx.answerSigner, stored, supersedes, false));
    // The id is held already: the same correction again is a repeat; anything else reuses an id.
    if (outcome.existing.digest !== stored.digest || outcome.supersedes !== supersedes) {
      return sendFailure(reply, failure('IDEMPOTENCY_CONFLICT', 'This reportId was already received with different content.'));
    }
    return reply.code(200).send(await signedCorrectionReceipt(ctx.answerSigner, outcome.existing, supersedes, true));
  });

  app.delete(routePatterns.report, async (request, reply) => {
    const signer = await admitSigned(request, reply, ctx, (r) => authenticate(r, ctx));
    if (!signer) return reply;
    const params = paramsSchema.safeParse(request.params);
    if (!params.success || !z.uuid().safeParse(params.data.reportId).success) return sendFailure(reply, reportNotFound);
    const outcome = await ctx.store.retractReport(signer.installationId, params.data.reportId, {
      acknowledgementId: randomUUID(),
      retractedAt: ctx.now().toISOString()
    });
    if ('notFound' in outcome) return sendFailure(reply, reportNotFound);
    if ('superseded' in outcome) return sendFailure(reply, reportSuperseded);
    // Logged before it is acknowledged, as a deletion is (deletion-log/): a backup restored later must not bring the report back.
    await ctx.deletionLog?.appendRetraction(outcome.retracted, outcome.deletedReportIds);
    // A repeat (the app retrying after a lost answer) gets the acknowledgement it missed, not a new one.
    return reply.code(200).header('cache-control', 'no-store').send(await signedRetraction(ctx.answerSigner, outcome.retracted));
  });
}
