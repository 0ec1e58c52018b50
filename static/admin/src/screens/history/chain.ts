import type { HistorySummary } from '../../../../../shared/report/records';

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
 * Only a report the vendor holds, and still counts, can be corrected or retracted. A second
 * correction while one is on its way would leave two reports claiming to replace the same one.
 */
export function mayCorrectOrRetract(entry: HistorySummary, history: readonly HistorySummary[]): boolean {
  return entry.status === 'sent' && !entry.supersededBy && !entry.retraction && !pendingCorrectionOf(entry, history);
}

export function reportTime(entry: HistorySummary): string {
  return entry.sentAt ?? entry.createdAt;
}
