import { ok, type AcceptAnswerOutput, type Envelope, type VerifiedAnswer } from '@usage-reporting/core/api';
import type { CollectorAnswerPayloadOf } from '@usage-reporting/core/collector-api';
import { sha256Hex } from '@usage-reporting/core/node';
import { checkAnswer } from '../delivery/verify-answer.js';
import type { EngineDeps } from '../engine/deps.js';
import { toSummary } from '../engine/history.js';
import { meter } from '../engine/meter.js';
import { acknowledgeVendorDeletion, answersAfter } from '../rights/vendor-deletion.js';
import { acknowledgeRestriction } from '../rights/vendor-restriction.js';
import { keys } from '../store/keys.js';
import { write } from '../store/kvs-store.js';
import type { ReportRecord } from '../store/records.js';
import { ensureInstallation, loadReport, saveReport } from '../store/repositories.js';
import { refuseAnswer, unverifiedAnswer } from './answer-refusals.js';
import { notManual } from './hand-over-report.js';
import { loadRightsRequest, maxKeptExportBytes, saveRightsRequest, type StoredVendorExport } from './records.js';

/**
 * The collector's signed answer, as the admin pasted it or uploaded the file. It counts only if it
 * verifies against the collector key the vendor configured, is about this installation, and answers
 * something this site handed over: a receipt names a report handed over from here and the exact digest
 * of its bytes; an acknowledgement answers the request waiting now. Then "acknowledged by the vendor"
 * is recorded with the signed answer itself, so the proof can be checked again by anyone.
 */
export async function acceptCollectorAnswer(deps: EngineDeps, text: string): Promise<Envelope<AcceptAnswerOutput>> {
  if (deps.delivery.mode !== 'manual') return notManual;
  const now = deps.now();
  const installation = await ensureInstallation(now);
  const check = checkAnswer(text, deps.collectorKey(), { installationId: installation.installationId }, now);
  if (!check.ok) return unverifiedAnswer(check.message);
  const { payload, verified } = check;
  switch (payload.kind) {
    case 'report-receipt':
      return acceptReceipt(payload, verified, now);
    case 'deletion-acknowledgement':
      return acceptDeletion(payload, verified, now);
    case 'restriction-acknowledgement':
      return acceptRestriction(payload, verified, now);
    case 'installation-export':
      return acceptExport(payload, verified, now);
    case 'retraction-acknowledgement':
      return refuseAnswer('answer.refused.retraction');
  }
}

async function acceptReceipt(p: CollectorAnswerPayloadOf<'report-receipt'>, verified: VerifiedAnswer, now: Date): Promise<Envelope<AcceptAnswerOutput>> {
  const record = await loadReport(p.reportId);
  if (!record?.delivery?.handedOverAt) return refuseAnswer('answer.refused.receiptNotHandedOver');
  // The digest binds the receipt to the exact bytes handed over, not merely to the report's id.
  if (p.digest !== record.digest || sha256Hex(record.text) !== record.digest) return refuseAnswer('answer.refused.receiptOtherBytes');
  if (p.supersedes !== (record.supersedes ?? null)) return refuseAnswer('answer.refused.receiptOtherCorrection');
  const answered = (entry: ReportRecord): Envelope<AcceptAnswerOutput> =>
    ok({ kind: p.kind, notice: { code: 'answer.receiptVerified', params: {} }, collectorKeyFingerprint: verified.collectorKeyFingerprint, entry: toSummary(entry), document: null });
  if (record.status === 'sent' && record.receipt?.receiptId === p.receiptId) return answered(record);
  const receipt = { receiptId: p.receiptId, reportId: p.reportId, receivedAt: p.receivedAt, digest: p.digest, duplicate: false };
  // The receipt first, under its own key, as a direct send records it (history reads it as the truth).
  await write(keys.receipt(record.reportId), receipt);
  const acknowledged: ReportRecord = {
    ...record,
    status: 'sent',
    lastError: null,
    receipt,
    delivery: { ...record.delivery, acknowledgedAt: p.receivedAt, answer: verified }
  };
  await saveReport(acknowledged);
  await meter('report.sent', now);
  return answered(acknowledged);
}

async function acceptDeletion(p: CollectorAnswerPayloadOf<'deletion-acknowledgement'>, verified: VerifiedAnswer, now: Date): Promise<Envelope<AcceptAnswerOutput>> {
  const settled = await acknowledgeVendorDeletion({ acknowledgementId: p.acknowledgementId, acknowledgedAt: p.acknowledgedAt, deletedReports: p.deletedReports });
  if (!settled.ok) return refuseAnswer(settled.refusal);
  await recordAnswer('delete', verified, now, verified);
  return ok({ kind: p.kind, notice: { code: 'answer.deletionAcknowledged', params: { deletedReports: p.deletedReports } }, collectorKeyFingerprint: verified.collectorKeyFingerprint, entry: null, document: null });
}

async function acceptRestriction(p: CollectorAnswerPayloadOf<'restriction-acknowledgement'>, verified: VerifiedAnswer, now: Date): Promise<Envelope<AcceptAnswerOutput>> {
  const settled = await acknowledgeRestriction(p.restrictedPurposes, p.updatedAt);
  if (!settled.ok) return refuseAnswer(settled.refusal);
  await recordAnswer('restrict', verified, now, verified);
  return ok({ kind: p.kind, notice: { code: 'answer.restrictionAcknowledged', params: {} }, collectorKeyFingerprint: verified.collectorKeyFingerprint, entry: null, document: null });
}

async function acceptExport(p: CollectorAnswerPayloadOf<'installation-export'>, verified: VerifiedAnswer, now: Date): Promise<Envelope<AcceptAnswerOutput>> {
  const request = await loadRightsRequest('export');
  if (!request?.fileName) return refuseAnswer('answer.refused.noExportRequest');
  if (!answersAfter(p.exportedAt, request.requestedAt)) return refuseAnswer('answer.refused.earlierExport');
  const document = { fileName: `usage-reporting-vendor-data-${p.exportedAt.slice(0, 10)}.json`, json: JSON.stringify(p.export, null, 2) };
  const size = new TextEncoder().encode(document.json).length;
  // Kept for the admin to download later when it fits one KVS value; a larger one is shown now only.
  if (size <= maxKeptExportBytes) {
    await write(keys.vendorExport, { exportedAt: p.exportedAt, receivedAt: now.toISOString(), ...document } satisfies StoredVendorExport);
  }
  await recordAnswer('export', verified, now, new TextEncoder().encode(JSON.stringify(verified)).length <= maxKeptExportBytes / 2 ? verified : null);
  return ok({ kind: p.kind, notice: { code: 'answer.exportVerified', params: { kept: size <= maxKeptExportBytes } }, collectorKeyFingerprint: verified.collectorKeyFingerprint, entry: null, document });
}

/** Marks the request of this kind answered, keeping the signed answer when given. */
async function recordAnswer(kind: 'export' | 'delete' | 'restrict', verified: VerifiedAnswer, now: Date, kept: VerifiedAnswer | null): Promise<void> {
  const request = await loadRightsRequest(kind);
  const base = request ?? { kind, requestedAt: now.toISOString(), fileName: null, text: null, restrictedPurposes: null };
  await saveRightsRequest({ ...base, answeredAt: now.toISOString(), collectorKeyFingerprint: verified.collectorKeyFingerprint, answer: kept });
}
