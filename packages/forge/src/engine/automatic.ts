import type { Product } from '@usage-reporting/core/api';
import { utcDay } from '@usage-reporting/core';
import { isReportDue, lastAutomaticDay } from '../core/schedule.js';
import { keys } from '../store/keys.js';
import { claim } from '../store/kvs-store.js';
import type { ReportRecord } from '../store/records.js';
import { ensureInstallation, loadConsent, loadReports, loadSettings, saveReport } from '../store/repositories.js';
import { assembleReport } from './assemble.js';
import { deliver, queueReport } from './deliver.js';
import type { EngineDeps } from './deps.js';

export type AutomaticOutcome =
  | { kind: 'not-due'; reason: string }
  | { kind: 'blocked'; code: string; message: string }
  | { kind: 'queued'; record: ReportRecord }
  /** Manual delivery: built and kept for the admin to hand over. Nothing was sent, and nothing says so. */
  | { kind: 'ready-to-hand-over'; record: ReportRecord };

/**
 * The automatic report: when the admin chose automatic and the cadence says one is due, build it with
 * the same assembleReport → buildReport path a preview takes (under the consent in force, so fields of
 * a format not yet accepted are withheld), keep its exact bytes in history, then deliver it.
 */
export async function sendAutomaticReport(deps: EngineDeps, product: Product): Promise<AutomaticOutcome> {
  const now = deps.now();
  const consent = await loadConsent();
  if (consent.mode !== 'automatic') return { kind: 'not-due', reason: `sharing is '${consent.mode}'` };
  const reports = await loadReports();
  if (!isReportDue(consent, lastAutomaticDay(reports), now)) return { kind: 'not-due', reason: 'the cadence has not come round yet' };
  // A redelivered or overlapping trigger run must not build a second report for the same day.
  const day = utcDay(now);
  if ((await claim(keys.automaticClaim(day), { at: now.toISOString() }, { value: 2, unit: 'DAYS' })) === 'taken') {
    return { kind: 'not-due', reason: `today's automatic report was already started` };
  }
  const [settings, installation] = [await loadSettings(), await ensureInstallation(now)];
  const assembled = await assembleReport(deps, { product, consent, settings, installation, reports, now });
  if (!assembled.ok) {
    // Nothing is stored, so nothing can leave. The admin sees the same refusal on the page, whose
    // preview goes through the same build; tomorrow's run tries again.
    console.warn(`[scheduled] automatic report not built: ${assembled.code}: ${assembled.message}`);
    return { kind: 'blocked', code: assembled.code, message: assembled.message };
  }
  const { built } = assembled;
  const manual = deps.delivery.mode === 'manual';
  const record: ReportRecord = {
    reportId: built.report.reportId,
    trigger: 'automatic',
    createdAt: now.toISOString(),
    sentAt: null,
    status: 'pending',
    digest: built.digest,
    size: built.size,
    attempts: 0,
    lastError: null,
    receipt: null,
    period: built.report.period,
    text: built.text,
    ...(manual ? { delivery: { mode: 'manual' as const, preparedAt: now.toISOString(), handedOverAt: null, fileName: null, acknowledgedAt: null, answer: null } } : {})
  };
  if (manual) {
    // No outbox: nothing here can leave. The page offers it as "ready to hand over".
    await saveReport(record);
    return { kind: 'ready-to-hand-over', record };
  }
  await queueReport(record, [], now);
  return { kind: 'queued', record: (await deliver(deps, record.reportId)) ?? record };
}
