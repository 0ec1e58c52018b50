import { fail, ok, type Envelope, type ErrorCode } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import type { SendReportOutput } from '@usage-reporting/core/api';
import { parseReport } from '@usage-reporting/core';
import { coverage } from '../core/coverage.js';
import { guardReport } from '@usage-reporting/core';
import { coverageKey, perCaseSendEntry } from '@usage-reporting/core';
import { effectiveAcceptedFormat } from '@usage-reporting/core';
import { keys } from '../store/keys.js';
import { claim, readParsed, remove } from '../store/kvs-store.js';
import { draftSchema, type Draft, type ReportRecord } from '../store/records.js';
import type { ConsentState, PendingLedgerEntry, Report } from '@usage-reporting/core';
import { loadConsent, loadReports } from '../store/repositories.js';
import { correctable } from '../core/report-chain.js';
import { deliver, queueReport } from './deliver.js';
import type { EngineDeps } from './deps.js';
import { toSummary } from './history.js';
import { DRAFT_TTL_MINUTES } from './preview.js';

/**
 * Per-case send: transmits exactly the frozen bytes of a preview, or refuses with nothing sent.
 * Refusals, in order: unknown or expired draft; digest not the one previewed; consent that no longer
 * allows sending; restrictions or accepted format changed since the preview; the send already claimed.
 */
export function sendReport(deps: EngineDeps, input: { draftId: string; digest: string }, accountId: string): Promise<Envelope<SendReportOutput>> {
  return sendDraft(deps, input, accountId, 'per-case');
}

/**
 * Sends a correction's frozen draft: the same checks as a per-case send, plus that the report it
 * replaces can still be corrected. It leaves through the outbox like any report, to the collector's
 * correction endpoint, so a stop mid-send is retried and never lost.
 */
export function sendCorrection(deps: EngineDeps, input: { draftId: string; digest: string }, accountId: string): Promise<Envelope<SendReportOutput>> {
  return sendDraft(deps, input, accountId, 'correction');
}

/** A draft that passed every check, with what the checks read: ready to leave (or be handed over). */
export type AdmittedDraft = { ok: true; draft: Draft; report: Report; consent: ConsentState };
type Refusal = Extract<Envelope<never>, { ok: false }>;

/**
 * The checks a frozen draft passes before it may leave the site by either delivery, in this order:
 * unknown or expired draft; previewed as the other kind; a correction whose report can no longer be
 * corrected; digest not the one previewed; consent that no longer allows sending; restrictions or
 * accepted format changed since the preview; the privacy guard; what consent covers.
 */
export async function admitDraft(
  deps: EngineDeps,
  input: { draftId: string; digest: string },
  kind: 'per-case' | 'correction',
  now: Date,
  verb: 'sent' | 'handed over' = 'sent'
): Promise<AdmittedDraft | Refusal> {
  const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, error: { code, message } });
  const read = await readParsed(keys.draft(input.draftId), draftSchema);
  if (!read.ok) return refuse('DRAFT_EXPIRED', 'This preview can no longer be read. Preview the report again.');
  const draft = read.value;
  if (!draft || now.getTime() - Date.parse(draft.createdAt) > DRAFT_TTL_MINUTES * 60_000) {
    return refuse('DRAFT_EXPIRED', `This preview has expired. Preview the report again, then ${verb === 'sent' ? 'send' : 'hand it over'}.`);
  }
  const nothing = `Nothing was ${verb}.`;
  // A draft is sent only as what it was previewed as: a correction names the report it replaces, a report does not.
  if ((kind === 'correction') !== (draft.supersedes !== undefined)) {
    return refuse('INVALID_INPUT', kind === 'correction' ? `This preview is not a correction. ${nothing}` : `This preview is a correction; send it as a correction. ${nothing}`);
  }
  if (draft.supersedes !== undefined) {
    const still = correctable(draft.supersedes, await loadReports());
    if (!still.ok) return refuse(still.code, `${still.message} ${nothing}`);
  }
  if (input.digest !== draft.digest || sha256Hex(draft.text) !== draft.digest) {
    return refuse('DIGEST_MISMATCH', `The digest does not match the previewed report. ${nothing}`);
  }
  const consent = await loadConsent();
  if (!allowsSending(consent.mode)) {
    return refuse('CONSENT_REQUIRED', consent.mode === 'off' ? `Sharing was withdrawn. ${nothing}` : 'Choose how to share reports before sending one.');
  }
  if (coverageKey(consent, effectiveAcceptedFormat(consent, deps.catalog)) !== draft.coverageKey) {
    return refuse('RESTRICTIONS_CHANGED', 'What may be shared changed after this preview. Preview again to see the report that would be sent.');
  }
  const parsed = parseReport(JSON.parse(draft.text), deps.catalog);
  if (!parsed.ok) return refuse('INTERNAL', 'The previewed report does not match the report schema.');
  const guarded = guardReport(parsed.value, deps.siteIdentifiers(), deps.catalog);
  if (!guarded.ok) return refuse(guarded.code, guarded.message);
  const covered = coverage(consent, parsed.value, deps.catalog);
  if (!covered.ok) return refuse(covered.code, covered.message);
  return { ok: true, draft, report: parsed.value, consent };
}

/** The ledger entry of a per-case send or hand-over: the admin's consent to exactly these bytes. */
/** The record a previewed draft becomes when it leaves: its frozen bytes, not yet acknowledged. A direct send and a hand-over both start here. */
export function pendingRecordOf(draft: Draft, report: Report, trigger: ReportRecord['trigger'], now: Date): ReportRecord {
  return {
    reportId: draft.reportId,
    trigger,
    ...(draft.supersedes !== undefined ? { supersedes: draft.supersedes } : {}),
    createdAt: now.toISOString(),
    sentAt: null,
    status: 'pending',
    digest: draft.digest,
    size: new TextEncoder().encode(draft.text).length,
    attempts: 0,
    lastError: null,
    receipt: null,
    period: report.period,
    text: draft.text
  };
}

export function draftLedgerEntry(consent: ConsentState, draft: Draft, accountId: string, now: Date): PendingLedgerEntry {
  const entry = perCaseSendEntry(consent, draft.digest, { accountId, now });
  return draft.supersedes === undefined
    ? entry
    : { ...entry, action: 'correct-report' as const, changes: [{ path: 'history.correctedReport', from: draft.supersedes, to: draft.reportId }] };
}

async function sendDraft(
  deps: EngineDeps,
  input: { draftId: string; digest: string },
  accountId: string,
  kind: 'per-case' | 'correction'
): Promise<Envelope<SendReportOutput>> {
  const now = deps.now();
  if (deps.delivery.mode === 'manual') {
    return fail('CONFLICT', 'This app delivers reports as files the admin hands over to the vendor: use "Hand over" instead. Nothing was sent.');
  }
  const admitted = await admitDraft(deps, input, kind, now);
  if (!admitted.ok) return admitted;
  const { draft, report, consent } = admitted;

  // Two admins clicking send on the same preview: the KVS lets exactly one claim it.
  const claimKey = keys.sendClaim(draft.draftId);
  const claimed = await claim(claimKey, { at: now.toISOString(), accountId }, { value: 1, unit: 'DAYS' });
  if (claimed === 'taken') return fail('CONFLICT', 'This preview is already being sent (another admin clicked send). It is sent once.');

  const record = pendingRecordOf(draft, report, kind, now);
  try {
    await queueReport(record, [draftLedgerEntry(consent, draft, accountId, now)], now);
  } catch (error) {
    // Nothing was queued (the transaction is all or nothing): release the draft so a retry can send it.
    console.error(`[sendReport] queueing ${record.reportId} failed: ${error instanceof Error ? error.message : String(error)}`);
    await remove(claimKey).catch(() => undefined);
    return fail('STORAGE', 'The report could not be queued, so nothing was sent. Try again in a moment.');
  }
  let delivered: ReportRecord;
  try {
    delivered = (await deliver(deps, record.reportId)) ?? record;
  } catch {
    // Queued before transmitting: the outbox holds it and the daily job delivers it.
    delivered = record;
  }
  return ok(sendOutput(delivered));
}

/** How report-transport.ts words a receipt that did not verify. */
const unverifiedPrefix = "the collector's receipt could not be verified";

/** The outcome as the page reports it: a notice code, with the transport's own words (lastError) as its data. */
export function sendOutput(record: ReportRecord): SendReportOutput {
  const base = { reportId: record.reportId, entry: toSummary(record) };
  const detail = record.lastError;
  switch (record.status) {
    case 'sent':
      return { ...base, outcome: 'sent', receipt: record.receipt, notice: { code: 'send.sent', params: {} } };
    case 'pending':
      return {
        ...base,
        outcome: 'queued',
        receipt: null,
        notice:
          detail?.startsWith(unverifiedPrefix)
            ? // It may well have arrived; only a receipt that verifies says so, and the retry fetches the same receipt again.
              { code: 'send.receiptUnverified', params: { detail } }
            : { code: 'send.unreachable', params: { detail } }
      };
    case 'rejected':
      return { ...base, outcome: 'rejected', receipt: null, notice: { code: 'send.refused', params: { detail } } };
    case 'cancelled':
      return { ...base, outcome: 'rejected', receipt: null, notice: { code: 'send.cancelled', params: { detail } } };
  }
}
