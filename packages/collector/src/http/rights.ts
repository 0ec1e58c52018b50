import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keyFingerprint } from '@usage-reporting/core/node';
import { routePatterns } from '@usage-reporting/core/collector-api';
import { restrictRequestSchema, restrictablePurposes, type InstallationExport } from '@usage-reporting/core/collector-api';
import { signedDeletion, signedExport, signedRestrictions } from '../receipts/answers.js';
import { admitSigned, parseBody } from './admit.js';
import { authenticate } from './authenticate.js';
import { sendFailure } from './errors.js';
import type { CollectorContext } from './context.js';
import { registerKeyChain } from './key-chain-route.js';

const rightsBodyLimit = 4 * 1024;

/** The per-installation rights API: export, delete, restrict, and the key chain (key-chain-route.ts). */
export function registerRights(app: FastifyInstance, ctx: CollectorContext): void {
  const signed = (request: FastifyRequest, reply: FastifyReply) => admitSigned(request, reply, ctx, (r) => authenticate(r, ctx));

  registerKeyChain(app, ctx);

  app.get(routePatterns.export, async (request, reply) => {
    const signer = await signed(request, reply);
    if (!signer) return reply;
    const { installationId } = signer;
    const [chain, restriction, reports, deletions, nonces, corrections, retractions] = await Promise.all([
      ctx.store.keyChainOf(installationId),
      ctx.store.getRestrictions(installationId),
      ctx.store.reportsOf(installationId),
      ctx.store.deletionsOf(installationId),
      ctx.store.noncesOf(installationId),
      ctx.store.correctionsOf(installationId),
      ctx.store.retractionsOf(installationId)
    ]);
    const supersedes = new Map(corrections.map((c) => [c.reportId, c.supersedes]));
    const supersededBy = new Map(corrections.map((c) => [c.supersedes, c.reportId]));
    const keys = chain ? [chain.chain.genesisPublicKey, ...chain.chain.links.map((l) => l.publicKey)] : [];
    const document: Omit<InstallationExport, 'signedAnswer'> = {
      installationId,
      exportedAt: ctx.now().toISOString(),
      keyChain: keys.map((key, i) => ({
        fingerprint: keyFingerprint(key),
        rotatedAt: i === 0 ? null : (chain?.chain.links[i - 1]?.rotatedAt ?? null),
        recordedAt: chain?.recordedAt[i] ?? ''
      })),
      restrictions: { installationId, restrictedPurposes: restriction?.purposes ?? [], updatedAt: restriction?.updatedAt ?? null },
      reports: reports.map((r) => ({
        receiptId: r.receiptId,
        reportId: r.reportId,
        receivedAt: r.receivedAt,
        digest: r.digest,
        bytes: r.bytes,
        report: z.record(z.string(), z.unknown()).parse(JSON.parse(r.bytes)),
        supersedes: supersedes.get(r.reportId) ?? null,
        supersededBy: supersededBy.get(r.reportId) ?? null
      })),
      retractions: retractions.map((r) => ({ acknowledgementId: r.acknowledgementId, reportId: r.reportId, retractedAt: r.retractedAt, deletedReports: r.deletedReports })),
      deletions: deletions.map((d) => ({ acknowledgementId: d.acknowledgementId, acknowledgedAt: d.acknowledgedAt, deletedReports: d.deletedReports })),
      recentNonces: nonces
    };
    return reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="installation-${installationId}.json"`).send(await signedExport(ctx.answerSigner, document));
  });

  app.delete(routePatterns.data, async (request, reply) => {
    const signer = await signed(request, reply);
    if (!signer) return reply;
    const { installationId } = signer;
    const record = await ctx.store.deleteReportsOf(installationId, {
      acknowledgementId: randomUUID(),
      installationId,
      acknowledgedAt: ctx.now().toISOString()
    });
    // On disk before it is acknowledged: a backup restored later must not bring these reports back
    // (deletion-log/). Should the write fail, the request fails unacknowledged and the app asks again.
    await ctx.deletionLog?.append({ kind: 'deletion', ...record });
    const ack = await signedDeletion(ctx.answerSigner, {
      ...record,
      retained: [
        'the key chain (public keys and their endorsements only), so this installation can still prove who it is',
        'the purpose restrictions, so they keep being honoured',
        'this acknowledgement, as the record that the erasure happened',
        'the records of reports this installation retracted (report id, when, how many copies were deleted), which hold no report content',
        'daily aggregates, which hold no installation id and no cell of fewer than k installations; days still within retention are recomputed without this installation'
      ]
    });
    return reply.code(200).header('cache-control', 'no-store').send(ack);
  });

  app.put(routePatterns.restrictions, { bodyLimit: rightsBodyLimit }, async (request, reply) => {
    const signer = await signed(request, reply);
    if (!signer) return reply;
    const { installationId } = signer;
    const body = parseBody(request, restrictRequestSchema);
    if (!body.ok) return sendFailure(reply, body.failure);
    const purposes = restrictablePurposes.filter((p) => body.value.restrictedPurposes.includes(p));
    const updatedAt = ctx.now().toISOString();
    await ctx.store.setRestrictions(installationId, { purposes, updatedAt });
    // Logged before it is acknowledged, as a deletion is: a backup restored later holds the restriction as it was then.
    await ctx.deletionLog?.append({ kind: 'restriction', installationId, purposes, updatedAt });
    return reply.code(200).send(await signedRestrictions(ctx.answerSigner, { installationId, restrictedPurposes: purposes, updatedAt }));
  });
}
