import type { Purpose } from '@usage-reporting/core';
import type { KeyChain, KeyLink } from '@usage-reporting/core/node';

/**
 * The one storage port of the collector. Handlers and jobs see only this interface, so a PostgreSQL
 * implementation can replace the embedded SQLite one without touching them. Every method is async
 * for that reason, even though better-sqlite3 answers synchronously.
 */

/** What the store knows about a signed request's installation and nonce (Store.signerStanding). */
export interface SignerStanding {
  keyChainHead: string | null;
  nonceSeen: boolean;
}

/** A raw report exactly as received. `bytes` are the canonical JSON the admin previewed. */
export interface StoredReport {
  reportId: string;
  receiptId: string;
  installationId: string;
  /** ISO-8601 UTC; the retention clock starts here. */
  receivedAt: string;
  digest: string;
  bytes: string;
}

/** A replay-protection nonce: remembered per installation until the signature it came with has expired. */
export interface SeenNonce {
  installationId: string;
  nonce: string;
  forgetAt: string;
}

export type InsertOutcome = { inserted: true } | { inserted: false; existing: StoredReport } | { replayed: true };

/** A report as one installation holds it at the collector, with its place in a correction chain. */
export interface HeldReport extends StoredReport {
  /** The report this one corrected, or null. */
  supersedes: string | null;
  /** The correction that replaced this one, or null while it still counts. */
  supersededBy: string | null;
}

/** A report as the aggregates fold sees it: a correction counts at the instant the report it replaced did. */
export interface CountedReport extends StoredReport {
  /** `receivedAt` for an ordinary report; the replaced report's `countsAt` for a correction. */
  countsAt: string;
}

/**
 * What storing a correction did. `notFound`: the named report is not the installation's (or was
 * retracted meanwhile); `superseded`: another correction replaced it first. An `existing` report
 * carries what it corrected (null if it is no correction), so a repeat can be told from a conflict.
 */
export type CorrectionOutcome =
  | { inserted: true }
  | { inserted: false; existing: StoredReport; supersedes: string | null }
  | { replayed: true }
  | { notFound: true }
  | { superseded: true };

/** A retraction as recorded: it holds no report content, only that the report was deleted and when. */
export interface RetractionRecord {
  acknowledgementId: string;
  installationId: string;
  reportId: string;
  retractedAt: string;
  deletedReports: number;
}

/**
 * `repeat`: the report was retracted before, and this is that retraction's record, unchanged.
 * `deletedReportIds`: the reports erased now, the retracted one and those it had superseded; none for a
 * repeat. The deletion log keeps them (deletion-log/): a restored backup may hold an older report of the
 * chain without the correction that linked it to the retracted one.
 */
export type RetractionOutcome = { retracted: RetractionRecord; repeat: boolean; deletedReportIds: string[] } | { notFound: true } | { superseded: true };

/**
 * The key chain the collector holds for an installation (packages/core/src/collector-api/key-chain.ts): public
 * keys and endorsements only, so a copy of the store can verify but never sign.
 */
export interface StoredKeyChain {
  chain: KeyChain;
  /** When each key was first held, genesis first (links + 1 entries). */
  recordedAt: string[];
}

export interface RestrictionRecord {
  purposes: Purpose[];
  updatedAt: string;
}

export interface DeletionRecord {
  acknowledgementId: string;
  installationId: string;
  acknowledgedAt: string;
  deletedReports: number;
}

/** One non-reversible aggregate cell: how many installations had `value` for `field` on `day`. */
export interface AggregateCell {
  day: string;
  purpose: Purpose;
  field: string;
  /** The value as JSON text (true, 3, "cloud"), so booleans, counts and labels stay distinct. */
  value: string;
  installations: number;
}

/** What the dashboard asks for: one field over a range of days, never the whole table. */
export interface AggregateQuery {
  field: string;
  fromDay: string;
  toDay: string;
}

/** A day whose aggregates are stale; `generation` lets the folder clear the mark only if nothing changed since. */
export interface DirtyDay {
  day: string;
  generation: number;
}

/** A maintenance turn's answer: the work's value, or that another process sharing the database had the turn. */
export type MaintenanceTurn<T> = { ran: true; value: T } | { ran: false };

export interface CollectorStore {
  /**
   * Records the request's nonce and stores the report, in one transaction: a nonce already held is a
   * replay (nothing is written); a reportId already held returns what is held, untouched (the nonce
   * is still recorded, as the request was genuine).
   */
  insertReport(report: StoredReport, nonce: SeenNonce): Promise<InsertOutcome>;
  reportsOf(installationId: string): Promise<StoredReport[]>;
  /**
   * The reports that count on one UTC day (YYYY-MM-DD), any installation: those received that day
   * that are no correction, and corrections of reports that counted that day; never a superseded one.
   */
  reportsOnDay(day: string): Promise<CountedReport[]>;
  /**
   * The same reports as `reportsOnDay`, a page of at most `pageSize` at a time, in no promised order.
   * The fold reads this way and yields between pages: a busy day holds tens of thousands of reports,
   * and reading them in one statement held ingest up for a third of a second.
   */
  reportsOnDayInPages(day: string, pageSize: number): AsyncIterable<CountedReport[]>;
  /**
   * For the installations that sent a report received on `day`: on how many distinct UTC days each
   * sent reports, up to and including `day` (the sybil threshold, aggregate/retention.ts).
   */
  reportingDaysThrough(day: string): Promise<Map<string, number>>;
  /** One report, only if `installationId` sent it: another installation's report is as absent as a missing one. */
  reportOf(installationId: string, reportId: string): Promise<HeldReport | null>;
  /** The installation's corrections: which report each one replaced. */
  correctionsOf(installationId: string): Promise<Array<{ reportId: string; supersedes: string }>>;

  /**
   * In one transaction: records the nonce, stores `report` as a new raw report (like insertReport),
   * marks `supersedes` (the installation's own, not yet superseded) replaced by it, and marks the day
   * it counts on dirty. Refusals write nothing, not even the nonce.
   */
  insertCorrection(report: StoredReport, nonce: SeenNonce, supersedes: string): Promise<CorrectionOutcome>;
  /**
   * Deletes the installation's report and every report it superseded, transitively, records the
   * retraction and marks the day they counted on dirty. A report retracted before answers its record.
   */
  retractReport(installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }): Promise<RetractionOutcome>;
  retractionsOf(installationId: string): Promise<RetractionRecord[]>;
  countReports(): Promise<number>;

  /** The newest key of the installation's chain, or null when no chain is held; read on every signed request. */
  keyChainHeadOf(installationId: string): Promise<string | null>;
  keyChainOf(installationId: string): Promise<StoredKeyChain | null>;
  /**
   * Appends links (and the genesis key when nothing is held yet), only if the held chain still has
   * `expectedKeys` keys (0 = none held): false when another request changed it meanwhile.
   */
  appendKeyLinks(installationId: string, args: { genesisPublicKey: string; expectedKeys: number; links: KeyLink[]; recordedAt: string }): Promise<boolean>;
  /** True when this nonce was already recorded for the installation (a replay). Writes nothing. */
  nonceSeen(installationId: string, nonce: string): Promise<boolean>;
  /**
   * keyChainHeadOf and nonceSeen in one read. Ingest asks both of every report, and on a database
   * server each is a round trip holding a pooled connection; one statement answers both.
   */
  signerStanding(installationId: string, nonce: string): Promise<SignerStanding>;
  /** Records a nonce; false when it was already recorded (a replay). */
  rememberNonce(installationId: string, nonce: string, forgetAt: string): Promise<boolean>;
  noncesOf(installationId: string): Promise<Array<{ nonce: string; forgetAt: string }>>;
  forgetNoncesBefore(instant: string): Promise<number>;

  getRestrictions(installationId: string): Promise<RestrictionRecord | null>;
  /** Also marks every day holding the installation's reports for re-aggregation. */
  setRestrictions(installationId: string, restriction: RestrictionRecord): Promise<void>;
  /** Restrictions of every installation that has any. */
  allRestrictions(): Promise<Map<string, Purpose[]>>;

  /** Erases the installation's raw reports, records the acknowledgement, marks the affected days dirty. */
  deleteReportsOf(installationId: string, ack: Omit<DeletionRecord, 'deletedReports'>): Promise<DeletionRecord>;
  deletionsOf(installationId: string): Promise<DeletionRecord[]>;
  /**
   * Puts an acknowledged deletion back in effect after a restore (deletion-log/replay.ts): erases the
   * installation's raw reports received at or before `acknowledgedAt`, marks the days they counted on
   * dirty, and records the acknowledgement if it is not held. Later reports stay. Returns how many it
   * erased: 0 when the deletion was in effect already, so running it again changes nothing.
   */
  reapplyDeletion(record: DeletionRecord): Promise<number>;
  /**
   * Puts an acknowledged retraction back in effect after a restore (deletion-log/replay.ts): erases the
   * installation's reports named in `reportIds` and every report they superseded, among those received
   * at or before `retractedAt`, marks the days they counted on dirty, and records the retraction if it
   * is not held. Returns how many it erased: 0 when the retraction was in effect already.
   */
  reapplyRetraction(record: RetractionRecord, reportIds: readonly string[]): Promise<number>;
  /**
   * Puts a logged restriction back after a restore (deletion-log/replay.ts), unless the database holds
   * one for the installation set at the same instant or later (`updatedAt` is the restriction's only
   * version). When it changes the restriction it marks the installation's days dirty, as
   * setRestrictions does, and answers true.
   */
  reapplyRestriction(installationId: string, restriction: RestrictionRecord): Promise<boolean>;

  /**
   * Runs `work` (a retention pass: fold, then delete) unless another process sharing this store's
   * database is running one, in which case it answers `{ ran: false }` at once. `lost` aborts if the
   * turn ends under the work (the connection holding it broke), so the work stops at its next pause
   * instead of running beside the next holder. Absent on a store one process opens alone (SQLite):
   * the process then runs its passes one at a time itself (server.ts).
   */
  maintenanceTurn?<T>(work: (lost: AbortSignal) => Promise<T>): Promise<MaintenanceTurn<T>>;
  dirtyDays(): Promise<DirtyDay[]>;
  /** Replaces the day's aggregates; clears its dirty mark only if still at `generation`. */
  replaceDayAggregates(day: DirtyDay, cells: AggregateCell[]): Promise<void>;
  /**
   * Deletes every raw report received on a day strictly before `day`, and every correction that counts
   * on such a day (with the report it replaced): a day past retention is never refolded from a part of
   * its reports. Returns how many. Works in batches of at most `batch` reports, each its own
   * transaction, awaiting `pause` between them (the retention job lets requests in there); a stop
   * between batches leaves only reports that the next pass deletes.
   */
  deleteReportsBeforeDay(day: string, options?: { batch?: number; pause?: () => Promise<void> }): Promise<number>;
  aggregates(): Promise<AggregateCell[]>;
  /** The first and last day holding any aggregate cell, or null when none is held. Reads two index ends. */
  aggregateSpan(): Promise<{ firstDay: string; lastDay: string } | null>;
  /** Every cell of one day (all purposes and fields): a few hundred rows at most. */
  aggregatesOnDay(day: string): Promise<AggregateCell[]>;
  /** One field's cells, every purpose, on days from `fromDay` to `toDay` inclusive, by day then value. */
  aggregatesFor(query: AggregateQuery): Promise<AggregateCell[]>;

  close(): Promise<void>;
}
