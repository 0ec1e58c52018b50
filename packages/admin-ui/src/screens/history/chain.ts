import type { HistorySummary, VendorDeletion } from '@usage-reporting/core';

/**
 * Where a report stands in the chain of corrections and retractions. One word per report: a
 * retraction ends the chain, so it wins over having been (or being) a correction.
 */
export type ChainState = 'retracted' | 'superseded' | 'correction';

export function chainOf(entry: HistorySummary): ChainState | null {
  if (entry.retraction) return 'retracted';
  if (entry.supersededBy) return 'superseded';
  if (entry.trigger === 'correction') return 'correction';
  return null;
}

/** A correction of this report that has not reached the vendor yet; the vendor still counts the original. */
export function pendingCorrectionOf(entry: HistorySummary, history: readonly HistorySummary[]): HistorySummary | undefined {
  return history.find((h) => h.trigger === 'correction' && h.supersedes === entry.reportId && h.status === 'pending');
}

/**
 * When the vendor deleted this report because the site asked it to delete all its data: the
 * acknowledgement covers every report the collector had received by then. Both instants are the
 * collector's own clock (the receipt's and the acknowledgement's), so they compare exactly.
 */
export function vendorDeletionOf(entry: HistorySummary, deletion: VendorDeletion | null): { at: string; acknowledgementId: string } | null {
  const ack = deletion?.status === 'acknowledged' ? deletion.acknowledgement : null;
  if (!ack || entry.status !== 'sent' || !entry.receipt) return null;
  return entry.receipt.receivedAt <= ack.acknowledgedAt ? { at: ack.acknowledgedAt, acknowledgementId: ack.acknowledgementId } : null;
}

/**
 * Only a report the vendor holds, and still counts, can be corrected or retracted. A second
 * correction while one is on its way would leave two reports claiming to replace the same one.
 */
export function mayCorrectOrRetract(entry: HistorySummary, history: readonly HistorySummary[], deletion: VendorDeletion | null): boolean {
  return entry.status === 'sent' && !entry.supersededBy && !entry.retraction && !pendingCorrectionOf(entry, history) && !vendorDeletionOf(entry, deletion);
}

export function reportTime(entry: HistorySummary): string {
  return entry.sentAt ?? entry.createdAt;
}
