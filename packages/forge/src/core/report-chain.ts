import type { HistorySummary } from '@usage-reporting/core';

/**
 * The correction chain, read from history itself: a report is superseded once a correction naming it
 * was acknowledged by the vendor. Derived on every read rather than written onto the old record, so a
 * function stopped between the correction's receipt and any second write cannot leave the two disagreeing.
 */
export function withChain<R extends HistorySummary>(records: readonly R[]): R[] {
  const correctedBy = new Map<string, { reportId: string; at: string }>();
  for (const r of records) {
    if (r.supersedes !== undefined && r.status === 'sent' && r.receipt) correctedBy.set(r.supersedes, { reportId: r.reportId, at: r.receipt.receivedAt });
  }
  return records.map((r) => {
    const by = correctedBy.get(r.reportId);
    return by && r.supersededBy === undefined ? { ...r, supersededBy: by } : r;
  });
}

export type Correctable = { ok: true } | { ok: false; code: 'NOT_FOUND' | 'CONFLICT'; message: string };

/** Only a report the vendor holds and still counts can be corrected or retracted; the newest of a chain is the one to act on. */
export function correctable(reportId: string, records: readonly HistorySummary[]): Correctable {
  const record = records.find((r) => r.reportId === reportId);
  if (!record) return { ok: false, code: 'NOT_FOUND', message: 'No report with this id is in the history (it may have been purged).' };
  if (record.status !== 'sent' || !record.receipt) return { ok: false, code: 'CONFLICT', message: 'Only a report the vendor received can be corrected or retracted.' };
  if (record.retraction) return { ok: false, code: 'CONFLICT', message: 'This report was already retracted: the vendor holds no copy of it.' };
  if (record.supersededBy) return { ok: false, code: 'CONFLICT', message: 'This report was already corrected. Correct or retract the correction instead.' };
  if (records.some((r) => r.supersedes === reportId && r.status === 'pending')) {
    return { ok: false, code: 'CONFLICT', message: 'A correction of this report is still waiting to be sent. Wait for it, or retract the report.' };
  }
  return { ok: true };
}
