import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { RetractOutput } from '@usage-reporting/core/api';
import { actionEntry } from '@usage-reporting/core';
import { correctable } from '../core/report-chain.js';
import type { EngineDeps } from '../engine/deps.js';
import { toSummary } from '../engine/history.js';
import { appendLedger, ensureInstallation, loadConsent, loadReports, saveReport } from '../store/repositories.js';

/**
 * Retracting a report that left: the vendor deletes it (and any report it had replaced), and says so.
 * Asked live; nothing is recorded until the vendor acknowledges, so a failure changes nothing and the
 * admin simply asks again (the collector answers a repeat with the same acknowledgement).
 */
export async function retractReport(deps: EngineDeps, reportId: string, accountId: string): Promise<Envelope<RetractOutput>> {
  if (deps.delivery.mode === 'manual') return fail('CONFLICT', 'Retracting a report is not available when reports are handed over as files; ask the vendor directly.');
  const now = deps.now();
  const reports = await loadReports();
  const check = correctable(reportId, reports);
  if (!check.ok) return fail(check.code, check.message);
  const record = reports.find((r) => r.reportId === reportId);
  if (!record) return fail('NOT_FOUND', 'No report with this id is in the history.');
  const installation = await ensureInstallation(now);
  const outcome = await deps.rights(installation.installationId).retract(reportId);
  if (outcome.kind !== 'ok') {
    return fail('TRANSPORT', `The vendor's service did not confirm the retraction (${outcome.reason}). Nothing was changed; try again later.`);
  }
  const ack = outcome.value;
  const retracted = { ...record, retraction: { acknowledgementId: ack.acknowledgementId, retractedAt: ack.retractedAt, deletedReports: ack.deletedReports } };
  await saveReport(retracted);
  await appendLedger([actionEntry(await loadConsent(), 'retract-report', [{ path: 'history.retractedReport', from: reportId, to: null }], { accountId, now })]);
  return ok({ entry: toSummary(retracted), notice: { code: 'retract.deleted', params: { deletedReports: ack.deletedReports } } });
}
