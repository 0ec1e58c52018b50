import type { Catalog } from '@usage-reporting/core';
import type { CollectorStore } from '../store/store.js';
import { nextDay } from '../store/sqlite-store.js';
import { reportSchemaFor } from '@usage-reporting/core';
import { foldDay, type DayReport } from './fold-day.js';

export const defaultRetentionDays = 730;
export const defaultK = 5;
/** 1: every installation counts from its first report (the sybil threshold is off). */
export const defaultMinReportingDays = 1;
const dayMs = 24 * 60 * 60 * 1000;
/** Reports read per page and parsed between two yields: ~4 ms of reading and ~4 ms of parsing each. */
const pageSize = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RetentionOutcome {
  foldedDays: string[];
  /** Raw reports received on a day before this one were deleted (or were already gone). */
  keepFromDay: string;
  deletedReports: number;
  forgottenNonces: number;
  /** Stored reports the catalog in use no longer parses (only after a catalog was changed incompatibly); left out of aggregates. */
  unparsedReports: number;
  /** The longest the job held the event loop without yielding: what it can add to a request's wait. */
  longestStepMs: number;
}

/**
 * The retention job. First it folds every day whose raw data changed (new reports, erasures,
 * restrictions) into aggregates, so nothing is deleted unfolded; then it deletes every raw report
 * received on or before the day that is `retentionDays` ago. Deleting whole days, and so up to a day
 * early, keeps every folded day complete and no raw report older than the retention period.
 */
export async function runRetention(args: {
  store: CollectorStore;
  now: Date;
  retentionDays: number;
  k: number;
  catalog: Catalog;
  /**
   * An installation enters a day's aggregates only once it has reported on at least this many distinct
   * days (up to that day). It raises what a sybil costs: each fake installation must keep reporting for
   * days before it can help carry a real installation's value past k. It depends only on reports received
   * up to the day folded, so a fold stays the same when refolded later.
   */
  minReportingDays?: number;
}): Promise<RetentionOutcome> {
  const { store } = args;
  const restrictions = await store.allRestrictions();
  const foldedDays: string[] = [];
  const schema = reportSchemaFor(args.catalog);
  let unparsedReports = 0;
  let longestStepMs = 0;
  let stepStarted = performance.now();
  const endStep = () => {
    longestStepMs = Math.max(longestStepMs, performance.now() - stepStarted);
  };
  const pause = async () => {
    endStep();
    await yieldToEventLoop();
    stepStarted = performance.now();
  };
  for (const dirty of await store.dirtyDays()) {
    const reports: DayReport[] = [];
    const minDays = args.minReportingDays ?? defaultMinReportingDays;
    const reportingDays = minDays > 1 ? await store.reportingDaysThrough(dirty.day) : null;
    // A page at a time, with requests let in between: a busy day holds tens of thousands of reports.
    // Pages are read at different moments, so a write in between may be missed or seen half; every
    // such write (a report, a correction, an erasure) marks the day again, and the mark outlives this
    // fold (replaceDayAggregates clears only the generation it was given), so the next pass refolds it.
    for await (const page of store.reportsOnDayInPages(dirty.day, pageSize)) {
      for (const row of page) {
        // Stored bytes passed this catalog's schema on ingest, and catalogs only ever add entries.
        const parsed = schema.safeParse(JSON.parse(row.bytes));
        // A correction stands where the report it replaced stood, so "latest of the day" is unchanged by it.
        const established = reportingDays === null || (reportingDays.get(row.installationId) ?? 0) >= minDays;
        if (!parsed.success) unparsedReports++;
        else if (established) reports.push({ installationId: row.installationId, receivedAt: row.countsAt, report: parsed.data });
      }
      await pause();
    }
    await store.replaceDayAggregates(dirty, foldDay({ day: dirty.day, reports, restrictions, catalog: args.catalog, k: args.k }));
    foldedDays.push(dirty.day);
    // The SQLite store answers synchronously, so without this a fold of many days (after a restart, or
    // an erasure touching two years of weekly reports) would hold every ingest request until it ends.
    await pause();
  }
  const keepFromDay = nextDay(new Date(args.now.getTime() - args.retentionDays * dayMs).toISOString().slice(0, 10));
  const deletedReports = await store.deleteReportsBeforeDay(keepFromDay, { pause });
  const forgottenNonces = await store.forgetNoncesBefore(args.now.toISOString());
  endStep();
  return { foldedDays, keepFromDay, deletedReports, forgottenNonces, unparsedReports, longestStepMs };
}
