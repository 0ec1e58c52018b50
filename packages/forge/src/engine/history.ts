import { fail, ok, type Envelope } from '@usage-reporting/core/api';
import type { HistoryEntryOutput, HistoryOutput } from '@usage-reporting/core/api';
import type { HistoryEntry } from '@usage-reporting/core/api';
import { selectExpired } from '../core/retention.js';
import { keys } from '../store/keys.js';
import { readOrThrow, writeAtomically } from '../store/kvs-store.js';
import { historyAggregateSchema, type ReportRecord } from '../store/records.js';
import { loadReports, loadSettings } from '../store/repositories.js';

export const toSummary = (r: ReportRecord): HistoryEntry => {
  const { text: _text, ...summary } = r;
  return summary;
};

const emptyAggregate = { purgedReports: 0, purgedSent: 0, oldestPurgedAt: null };
const loadAggregate = async () => (await readOrThrow(keys.historyAggregate, historyAggregateSchema)) ?? emptyAggregate;

/** Most recent first, plus how many older reports retention has already reduced to a count. */
export async function getHistory(): Promise<HistoryOutput> {
  const [reports, aggregate] = [await loadReports(), await loadAggregate()];
  return { entries: reports.map(toSummary).reverse(), purgedReports: aggregate.purgedReports };
}

/** One report's exact bytes, and the bytes of the report that left before it, for the readable diff. */
export async function getHistoryEntry(reportId: string): Promise<Envelope<HistoryEntryOutput>> {
  const reports = await loadReports();
  const index = reports.findIndex((r) => r.reportId === reportId);
  const record = reports[index];
  if (!record) return fail('NOT_FOUND', 'No report with this id is in the history (it may have been purged).');
  // The diff is against what the vendor last received, so only reports that actually left count.
  const previous = reports.slice(0, index).reverse().find((r) => r.status === 'sent');
  return ok({ entry: toSummary(record), text: record.text, previousText: previous?.text ?? null, previousReportId: previous?.reportId ?? null });
}

export interface PurgeOutcome {
  purged: number;
}

/**
 * Retention: reports older than the admin's retention (two years at most) are deleted, and only
 * their count is kept. A report still waiting in the outbox is kept until it is settled, so retention
 * never turns into a silent loss. Each chunk of deletions and the raised count commit in one
 * transaction (25 operations at most), so a crash can neither forget a purge nor count one twice.
 */
export async function purgeExpiredHistory(now: Date): Promise<PurgeOutcome> {
  const [reports, settings] = [await loadReports(), await loadSettings()];
  const expired = selectExpired(reports.filter((r) => r.status !== 'pending'), settings.retentionDays, now);
  let aggregate = await loadAggregate();
  let purged = 0;
  // Three deletions per report (record, receipt, hand-over file) plus the aggregate: 8 reports fit a transaction's 25.
  for (let i = 0; i < expired.length; i += 8) {
    const chunk = expired.slice(i, i + 8);
    const oldest = chunk.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), chunk[0]?.createdAt ?? now.toISOString());
    const next = {
      purgedReports: aggregate.purgedReports + chunk.length,
      purgedSent: aggregate.purgedSent + chunk.filter((r) => r.status === 'sent').length,
      oldestPurgedAt: aggregate.oldestPurgedAt !== null && aggregate.oldestPurgedAt < oldest ? aggregate.oldestPurgedAt : oldest
    };
    await writeAtomically([{ set: keys.historyAggregate, value: next }, ...chunk.flatMap((r) => [{ delete: keys.report(r.reportId) }, { delete: keys.receipt(r.reportId) }, { delete: keys.handOver(r.reportId) }])]);
    aggregate = next;
    purged += chunk.length;
  }
  return { purged };
}
