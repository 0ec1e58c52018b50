import type { LedgerEntry } from '@usage-reporting/core';

/**
 * The accounts to report: each distinct account id in the ledger, with the time we last stored it
 * (its latest entry), which is what Atlassian compares against the profile's last change.
 */
export function accountsToReport(entries: readonly LedgerEntry[]): Array<{ accountId: string; updatedAt: string }> {
  const latest = new Map<string, string>();
  for (const e of entries) {
    if (e.accountId === null) continue;
    const seen = latest.get(e.accountId);
    if (seen === undefined || e.at > seen) latest.set(e.accountId, e.at);
  }
  return [...latest].sort(([a], [b]) => (a < b ? -1 : 1)).map(([accountId, updatedAt]) => ({ accountId, updatedAt }));
}

/** A closed account's entry: the same record without who made it. */
export const anonymised = (e: LedgerEntry): LedgerEntry => ({ ...e, accountId: null });
