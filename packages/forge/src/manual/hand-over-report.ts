import { fail, ok, type Envelope, type HandOverNotice, type HandOverReportOutput } from '@usage-reporting/core/api';
import { correctionRequest, reportRequest } from '@usage-reporting/core/node';
import type { EngineDeps } from '../engine/deps.js';
import { toSummary } from '../engine/history.js';
import { admitDraft, draftLedgerEntry, pendingRecordOf } from '../engine/send.js';
import { keys } from '../store/keys.js';
import { claim, remove, writeAtomically } from '../store/kvs-store.js';
import type { ReportRecord } from '../store/records.js';
import { ledgerWrite } from '../store/repositories.js';
import { signHandOver } from './sign-hand-over.js';

export const notManual = fail('CONFLICT', 'This app sends reports to the vendor directly; there is nothing to hand over.');

/**
 * Manual delivery of a previewed report: the same checks a direct send makes, then exactly the frozen
 * bytes, signed as a direct send signs them, wrapped as a hand-over file. The record ("handed over",
 * with the digest), the file and the ledger entry are written in one transaction, so the history never
 * shows a hand-over whose file cannot be downloaded again, nor a file the ledger does not account for.
 */
export async function handOverReport(deps: EngineDeps, input: { draftId: string; digest: string }, accountId: string): Promise<Envelope<HandOverReportOutput>> {
  if (deps.delivery.mode !== 'manual') return notManual;
  const now = deps.now();
  const admitted = await admitDraft(deps, input, 'per-case', now, 'handed over');
  if (!admitted.ok) return admitted;
  const { draft, report, consent } = admitted;
  // Two admins handing over the same preview: one file, one history entry.
  const claimKey = keys.sendClaim(draft.draftId);
  if ((await claim(claimKey, { at: now.toISOString(), accountId }, { value: 1, unit: 'DAYS' })) === 'taken') {
    return fail('CONFLICT', 'This preview was already handed over; download it again from the history.');
  }
  try {
    const file = await signHandOver((signer) => reportRequest({ ...signer, reportText: draft.text, reportId: draft.reportId }), now);
    const record: ReportRecord = {
      ...pendingRecordOf(draft, report, 'per-case', now),
      sentAt: now.toISOString(),
      delivery: { mode: 'manual', preparedAt: now.toISOString(), handedOverAt: now.toISOString(), fileName: file.fileName, acknowledgedAt: null, answer: null }
    };
    const ledger = ledgerWrite(draftLedgerEntry(consent, draft, accountId, now));
    await writeAtomically([
      { set: keys.report(record.reportId), value: record },
      { set: keys.handOver(record.reportId), value: file },
      { set: ledger.key, value: ledger.value }
    ]);
    return ok({ ...file, entry: toSummary(record), notice: handedOverNotice });
  } catch (error) {
    // Nothing was written (one transaction): release the preview so the admin can try again.
    await remove(claimKey).catch(() => undefined);
    throw error;
  }
}

/** The page words it (upload the file on the vendor's upload page, then paste the receipt back). */
export const handedOverNotice: HandOverNotice = { code: 'handOver.ready', params: {} };

/** Signs a record's report as a hand-over file: the report request, or a correction's. */
export const signReportFile = (record: ReportRecord, now: Date) =>
  signHandOver(
    (signer) =>
      record.supersedes === undefined
        ? reportRequest({ ...signer, reportText: record.text, reportId: record.reportId })
        : correctionRequest({ ...signer, reportText: record.text, reportId: record.reportId, supersedes: record.supersedes }),
    now
  );
