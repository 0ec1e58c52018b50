import { parseReport } from '@usage-reporting/core';
import { nextAttemptAt } from '../core/backoff.js';
import { coverage } from '../core/coverage.js';
import { guardReport } from '@usage-reporting/core';
import type { PendingLedgerEntry } from '@usage-reporting/core';
import { keys } from '../store/keys.js';
import { readOrThrow, remove, write, writeAtomically, type AtomicWrite } from '../store/kvs-store.js';
import { outboxEntrySchema, type OutboxEntry, type ReportRecord } from '../store/records.js';
import { ledgerWrite, loadConsent, loadReport, saveReport } from '../store/repositories.js';
import type { EngineDeps } from './deps.js';
import { meter } from './meter.js';

/**
 * Intent first: the report (its exact text), its outbox entry and the ledger entries are written in
 * one KVS transaction BEFORE anything is transmitted. If the function dies after the collector got
 * the bytes but before the outcome was recorded, the outbox entry is still there and the next run
 * sends the same reportId again, which the collector answers with the original receipt.
 */
export async function queueReport(record: ReportRecord, ledger: readonly PendingLedgerEntry[], now: Date): Promise<void> {
  const outbox: OutboxEntry = { reportId: record.reportId, queuedAt: now.toISOString(), attempts: 0, nextAttemptAt: now.toISOString() };
  const writes: AtomicWrite[] = [
    { set: keys.report(record.reportId), value: record },
    { set: keys.outbox(record.reportId), value: outbox }
  ];
  for (const entry of ledger) {
    const { key, value } = ledgerWrite(entry);
    writes.push({ set: key, value });
  }
  await writeAtomically(writes);
}

/**
 * One delivery attempt for a queued report. Consent is read again right here, immediately before
 * the transmission: a report queued under a consent that has since been withdrawn or narrowed is
 * cancelled, never sent.
 */
export async function deliver(deps: EngineDeps, reportId: string): Promise<ReportRecord | undefined> {
  const record = await loadReport(reportId);
  if (!record || record.status !== 'pending') {
    // Already settled (a previous run recorded the outcome, then died before clearing the outbox).
    await remove(keys.outbox(reportId));
    return record;
  }
  const parsed = parseReport(parseJson(record.text), deps.catalog);
  if (!parsed.ok) return settle({ ...record, status: 'cancelled', lastError: 'The stored report no longer matches the report schema.' });
  const guarded = guardReport(parsed.value, deps.siteIdentifiers(), deps.catalog);
  if (!guarded.ok) return settle({ ...record, status: 'cancelled', lastError: guarded.message });
  const consent = await loadConsent();
  const covered = coverage(consent, parsed.value, deps.catalog);
  if (!covered.ok) return settle({ ...record, status: 'cancelled', lastError: covered.message });

  const outcome = await deps.transport.send(record.text, reportId, record.supersedes === undefined ? {} : { supersedes: record.supersedes });
  const now = deps.now();
  if (outcome.kind === 'sent') {
    if (outcome.receipt.digest !== record.digest) {
      return settle({ ...record, status: 'rejected', attempts: record.attempts + 1, lastError: 'The collector acknowledged different bytes than were sent.' });
    }
    // The receipt goes first, under its own key: a withdrawal cancelling this record at the same
    // moment cannot then hide that the report left (history reads a receipt as sent, see withReceipt).
    const receipt = { ...outcome.receipt, ...(outcome.signature ? { signature: outcome.signature } : {}) };
    await write(keys.receipt(reportId), receipt);
    const delivery = { mode: 'direct' as const, preparedAt: null, handedOverAt: null, fileName: null, acknowledgedAt: outcome.receipt.receivedAt, answer: outcome.answer };
    const sent = await settle({ ...record, status: 'sent', sentAt: now.toISOString(), attempts: record.attempts + 1, lastError: null, receipt, delivery });
    await meter('report.sent', now);
    return sent;
  }
  if (outcome.kind === 'rejected') {
    return settle({ ...record, status: 'rejected', attempts: record.attempts + 1, lastError: outcome.reason });
  }
  const attempts = record.attempts + 1;
  const updated: ReportRecord = { ...record, attempts, lastError: outcome.reason };
  await saveReport(updated);
  const entry = await readOrThrow(keys.outbox(reportId), outboxEntrySchema);
  await write(keys.outbox(reportId), {
    reportId,
    queuedAt: entry?.queuedAt ?? record.createdAt,
    attempts,
    nextAttemptAt: nextAttemptAt(attempts, now)
  } satisfies OutboxEntry);
  return updated;
}

/** Records a final outcome, then clears the outbox entry (in that order: a crash between is harmless). */
async function settle(record: ReportRecord): Promise<ReportRecord> {
  await saveReport(record);
  await remove(keys.outbox(record.reportId));
  return record;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Unreadable stored text fails the schema check below and is cancelled, never sent as-is.
    return undefined;
  }
}
