import type { Catalog } from '@usage-reporting/core';
import type { CollectorStore } from '../store/store.js';
import { nextDay } from '../store/sqlite-store.js';
import { reportSchemaFor } from '@usage-reporting/core';
import { foldDay, type DayReport } from './fold-day.js';
import { Slices, type SliceOptions } from './slices.js';

export const defaultRetentionDays = 730;
export const defaultK = 5;
/** 1: every installation counts from its first report (the sybil threshold is off). */
export const defaultMinReportingDays = 1;
const dayMs = 24 * 60 * 60 * 1000;
/**
 * Reports read per page. SQLite reads a page synchronously, so a page is one piece of a slice
 * (slices.ts): ~1 ms of reading at this size; parsing its rows is checkpointed row by row.
 */
const pageSize = 100;

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
  /**
   * True: another collector process sharing the database was running its pass, so this one did
   * nothing (every count above is zero); that process folds and deletes the same.
   */
  skipped: boolean;
}

export interface RetentionArgs {
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
  /** How the pass slices its work on the event loop (slices.ts); tests inject a clock and count yields. */
  slices?: Omit<SliceOptions, 'lost'>;
}

/**
 * The retention job. First it folds every day whose raw data changed (new reports, erasures,
 * restrictions) into aggregates, so nothing is deleted unfolded; then it deletes every raw report
 * received on or before the day that is `retentionDays` ago. Deleting whole days, and so up to a day
 * early, keeps every folded day complete and no raw report older than the retention period.
 *
 * On a store several processes share (PostgreSQL), the pass runs only in the process holding the
 * store's maintenance turn; the others answer `skipped` at once. A pass cut short anywhere (the
 * process died, the turn was lost) leaves every day it did not finish still marked dirty and every
 * report it did not delete in place, so the next pass, in whichever process, finishes the work.
 */
export async function runRetention(args: RetentionArgs): Promise<RetentionOutcome> {
  const { store } = args;
  if (!store.maintenanceTurn) return pass(args, new Slices(args.slices));
  const turn = await store.maintenanceTurn((lost) => pass(args, new Slices({ ...args.slices, lost })));
  if (turn.ran) return turn.value;
  return { foldedDays: [], keepFromDay: keepFromDayOf(args), deletedReports: 0, forgottenNonces: 0, unparsedReports: 0, longestStepMs: 0, skipped: true };
}

const keepFromDayOf = (args: RetentionArgs) => nextDay(new Date(args.now.getTime() - args.retentionDays * dayMs).toISOString().slice(0, 10));

async function pass(args: RetentionArgs, slices: Slices): Promise<RetentionOutcome> {
  const { store } = args;
  const restrictions = await store.allRestrictions();
  const foldedDays: string[] = [];
  const schema = reportSchemaFor(args.catalog);
  const minDays = args.minReportingDays ?? defaultMinReportingDays;
  let unparsedReports = 0;
  for (const dirty of await store.dirtyDays()) {
    await slices.checkpoint();
    const reports: DayReport[] = [];
    const reportingDays = minDays > 1 ? await store.reportingDaysThrough(dirty.day) : null;
    // A page at a time, with requests let in between: a busy day holds tens of thousands of reports.
    // Pages are read at different moments, so a write in between may be missed or seen half; every
    // such write (a report, a correction, an erasure) marks the day again, and the mark outlives this
    // fold (replaceDayAggregates clears only the generation it was given), so the next pass refolds it.
    for await (const page of store.reportsOnDayInPages(dirty.day, pageSize)) {
      await slices.checkpoint();
      for (const row of page) {
        // Stored bytes passed this catalog's schema on ingest, and catalogs only ever add entries.
        const parsed = schema.safeParse(JSON.parse(row.bytes));
        // A correction stands where the report it replaced stood, so "latest of the day" is unchanged by it.
        const established = reportingDays === null || (reportingDays.get(row.installationId) ?? 0) >= minDays;
        if (!parsed.success) unparsedReports++;
        else if (established) reports.push({ installationId: row.installationId, receivedAt: row.countsAt, report: parsed.data });
        if (slices.due()) await slices.yieldNow();
      }
    }
    await store.replaceDayAggregates(dirty, foldDay({ day: dirty.day, reports, restrictions, catalog: args.catalog, k: args.k }));
    foldedDays.push(dirty.day);
  }
  const keepFromDay = keepFromDayOf(args);
  const deletedReports = await store.deleteReportsBeforeDay(keepFromDay, { pause: () => slices.checkpoint() });
  await slices.checkpoint();
  const forgottenNonces = await store.forgetNoncesBefore(args.now.toISOString());
  return { foldedDays, keepFromDay, deletedReports, forgottenNonces, unparsedReports, longestStepMs: slices.longestStepMs, skipped: false };
}
