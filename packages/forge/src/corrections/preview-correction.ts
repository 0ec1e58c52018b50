import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { Product } from '@usage-reporting/core/api';
import type { CorrectionPreviewOutput } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import { correctable } from '../core/report-chain.js';
import type { EngineDeps } from '../engine/deps.js';
import { preview, toPreviewOutput } from '../engine/preview.js';
import { loadConsent, loadReports, loadSettings } from '../store/repositories.js';

/**
 * The first half of correcting a report that left: a fresh report for the same period, built the one
 * way every report is built (with today's settings and consent), frozen with its exact bytes and digest
 * so the admin sees what will replace the old one before anything leaves.
 */
export async function previewCorrection(deps: EngineDeps, product: Product, reportId: string): Promise<Envelope<CorrectionPreviewOutput>> {
  const [reports, consent, settings] = [await loadReports(), await loadConsent(), await loadSettings()];
  const check = correctable(reportId, reports);
  if (!check.ok) return fail(check.code, check.message);
  // A correction transmits new data, so it needs the consent a report needs; retracting needs none.
  if (!allowsSending(consent.mode)) {
    return fail('CONSENT_REQUIRED', 'Sharing is off, so no correction can be sent. You can still retract the report.');
  }
  const original = reports.find((r) => r.reportId === reportId);
  if (!original) return fail('NOT_FOUND', 'No report with this id is in the history.');
  const draft = await preview(deps, product, { consent, settings, reports }, { of: original });
  if (!draft.ok) return draft;
  return ok({ ...toPreviewOutput(draft.data), supersedes: reportId });
}
