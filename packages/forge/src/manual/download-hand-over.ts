import { parseReport, guardReport } from '@usage-reporting/core';
import { fail, ok, type Envelope, type HandOverReportOutput } from '@usage-reporting/core/api';
import { coverage } from '../core/coverage.js';
import type { EngineDeps } from '../engine/deps.js';
import { toSummary } from '../engine/history.js';
import { keys } from '../store/keys.js';
import { claim } from '../store/kvs-store.js';
import type { ReportRecord } from '../store/records.js';
import { loadConsent, loadReport, saveReport } from '../store/repositories.js';
import { handedOverNotice, notManual, signReportFile } from './hand-over-report.js';
import { loadHandOverFile } from './records.js';

/**
 * A report's hand-over file. One already handed over is returned exactly as first made (same bytes,
 * same signature), however often it is downloaded. One the daily job prepared is handed over now:
 * consent is read again first, as a direct delivery reads it right before transmitting, and a report
 * the consent no longer covers is cancelled instead.
 */
export async function downloadHandOver(deps: EngineDeps, reportId: string): Promise<Envelope<HandOverReportOutput>> {
  if (deps.delivery.mode !== 'manual') return notManual;
  const record = await loadReport(reportId);
  if (!record || record.delivery?.mode !== 'manual') return fail('NOT_FOUND', 'No report with this id was prepared for hand-over (it may have been purged).');
  const existing = await loadHandOverFile(reportId);
  if (existing) return ok({ ...existing, entry: toSummary(record), notice: handedOverNotice });
  if (record.status !== 'pending') return fail('CONFLICT', `This report was ${record.status === 'cancelled' ? 'cancelled' : record.status} and is not handed over any more.`);

  const refusal = await stillCovered(deps, record);
  if (refusal !== null) {
    await saveReport({ ...record, status: 'cancelled', lastError: refusal });
    return fail('CONSENT_REQUIRED', `${refusal} The prepared report was cancelled; nothing was handed over.`);
  }
  const now = deps.now();
  const made = await signReportFile(record, now);
  // Two admins downloading at once: the first file is the file, and the other gets the same bytes.
  const file = (await claim(keys.handOver(reportId), made)) === 'claimed' ? made : ((await loadHandOverFile(reportId)) ?? made);
  const handed: ReportRecord = {
    ...record,
    sentAt: record.sentAt ?? now.toISOString(),
    delivery: { ...record.delivery, handedOverAt: record.delivery.handedOverAt ?? now.toISOString(), fileName: file.fileName }
  };
  await saveReport(handed);
  return ok({ ...file, entry: toSummary(handed), notice: handedOverNotice });
}

/** Why the prepared bytes may not leave now, or null when they may (the same checks deliver.ts makes). */
async function stillCovered(deps: EngineDeps, record: ReportRecord): Promise<string | null> {
  let json: unknown;
  try {
    json = JSON.parse(record.text);
  } catch {
    return 'The stored report no longer matches the report schema.';
  }
  const parsed = parseReport(json, deps.catalog);
  if (!parsed.ok) return 'The stored report no longer matches the report schema.';
  const guarded = guardReport(parsed.value, deps.siteIdentifiers(), deps.catalog);
  if (!guarded.ok) return guarded.message;
  const covered = coverage(await loadConsent(), parsed.value, deps.catalog);
  return covered.ok ? null : covered.message;
}
