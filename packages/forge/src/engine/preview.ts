import { randomUUID } from 'node:crypto';
import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { Product } from '@usage-reporting/core/api';
import type { PreviewOutput } from '@usage-reporting/core/api';
import type { ConsentState, Settings } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import { coverageKey } from '@usage-reporting/core';
import { effectiveAcceptedFormat } from '@usage-reporting/core';
import { keys } from '../store/keys.js';
import { write } from '../store/kvs-store.js';
import type { Draft, ReportRecord } from '../store/records.js';
import { loadConsent, loadReports, loadSettings } from '../store/repositories.js';
import { loadSigningIdentity, signingFingerprint, type SigningIdentity } from '../identity/identity.js';
import { assembleReport } from './assemble.js';
import type { EngineDeps } from './deps.js';
import { meter } from './meter.js';

/** A draft lives briefly: long enough to read it and click send, short enough that it stays current. */
export const DRAFT_TTL_MINUTES = 30;

export interface DraftView {
  draftId: string;
  reportId: string;
  /** The exact text that a send of this draft transmits, byte for byte. */
  text: string;
  digest: string;
  size: number;
  createdAt: string;
  expiresAt: string;
  report: Report;
  /** The fingerprint of the key the report will be signed with (the signature itself is made at sending). */
  signingKeyFingerprint: string;
  /** Counts the site could not give this time (not part of the report). */
  unavailable: string[];
}

/** What a preview is built from; a caller that already read it (the admin page) passes it in. */
export interface PreviewState {
  consent: ConsentState;
  settings: Settings;
  reports: readonly ReportRecord[];
  /** The signing identity, when the caller read it alongside the rest (it is read here otherwise). */
  identity?: SigningIdentity;
}

/**
 * Builds the report the same way the scheduled send does, freezes it (text + digest, short TTL) and
 * returns both. Sending later transmits exactly these stored bytes.
 */
export async function preview(
  deps: EngineDeps,
  product: Product,
  loaded?: PreviewState,
  correction?: { of: ReportRecord }
): Promise<Envelope<DraftView>> {
  const now = deps.now();
  // The reads depend on none of each other: together, not one round trip after another.
  const [identity, { consent, settings, reports }] = await Promise.all([
    loaded?.identity ?? loadSigningIdentity(now),
    loaded ?? Promise.all([loadConsent(), loadSettings(), loadReports()]).then(([consent, settings, reports]) => ({ consent, settings, reports }))
  ]);
  const { installation } = identity;
  const assembled = await assembleReport(deps, {
    product,
    consent,
    settings,
    installation,
    reports,
    now,
    ...(correction ? { period: correction.of.period } : {})
  });
  if (!assembled.ok) return fail(assembled.code, assembled.message);
  const { built } = assembled;
  const draft: Draft = {
    draftId: randomUUID(),
    reportId: built.report.reportId,
    text: built.text,
    digest: built.digest,
    coverageKey: coverageKey(consent, effectiveAcceptedFormat(consent, deps.catalog)),
    createdAt: now.toISOString(),
    ...(correction ? { supersedes: correction.of.reportId } : {})
  };
  // Metering never throws, so it need not wait for the draft to be stored.
  await Promise.all([write(keys.draft(draft.draftId), draft, { value: DRAFT_TTL_MINUTES, unit: 'MINUTES' }), meter('report.previewed', now)]);
  return ok({
    draftId: draft.draftId,
    reportId: draft.reportId,
    text: draft.text,
    digest: draft.digest,
    size: built.size,
    createdAt: draft.createdAt,
    expiresAt: new Date(now.getTime() + DRAFT_TTL_MINUTES * 60_000).toISOString(),
    report: built.report,
    signingKeyFingerprint: signingFingerprint(identity),
    unavailable: assembled.unavailable
  });
}

/** The contract's view of a draft: the frozen bytes and their digest, without the parsed report. */
export const toPreviewOutput = (d: DraftView): PreviewOutput => ({
  draftId: d.draftId,
  reportId: d.reportId,
  text: d.text,
  digest: d.digest,
  size: d.size,
  createdAt: d.createdAt,
  expiresAt: d.expiresAt,
  signingKeyFingerprint: d.signingKeyFingerprint
});
