import type { Purpose } from '../../shared/catalog/vocabulary';

/**
 * The one storage port of the collector. Handlers and jobs see only this interface, so a PostgreSQL
 * implementation can replace the embedded SQLite one without touching them. Every method is async
 * for that reason, even though better-sqlite3 answers synchronously.
 */

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

export type InsertOutcome = { inserted: true } | { inserted: false; existing: StoredReport };

export interface InstallationKey {
  installationId: string;
  /** base64url HKDF-derived key; never the installation's secret (see shared/collector-api/signing.ts). */
  verificationKey: string;
  establishedAt: string;
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

/** A day whose aggregates are stale; `generation` lets the folder clear the mark only if nothing changed since. */
export interface DirtyDay {
  day: string;
  generation: number;
}

export interface CollectorStore {
  /** Stores the report unless its reportId is already held; then returns what is held, untouched. */
  insertReport(report: StoredReport): Promise<InsertOutcome>;
  reportsOf(installationId: string): Promise<StoredReport[]>;
  /** Reports received on one UTC day (YYYY-MM-DD), any installation. */
/** What the dashboard asks for: one field over a range of days, never the whole table. */
export interface AggregateQuery {
  field: string;
  fromDay: string;
  toDay: string;
}

  reportsOnDay(day: string): Promise<StoredReport[]>;
  countReports(): Promise<number>;

  getKey(installationId: string): Promise<InstallationKey | null>;
  putKey(key: InstallationKey): Promise<void>;
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

  dirtyDays(): Promise<DirtyDay[]>;
  /** Replaces the day's aggregates; clears its dirty mark only if still at `generation`. */
  replaceDayAggregates(day: DirtyDay, cells: AggregateCell[]): Promise<void>;
  /** Deletes every raw report received on a day strictly before `day`; returns how many. */
  deleteReportsBeforeDay(day: string): Promise<number>;
  aggregates(): Promise<AggregateCell[]>;

  close(): Promise<void>;
}
  /** The first and last day holding any aggregate cell, or null when none is held. Reads two index ends. */
  aggregateSpan(): Promise<{ firstDay: string; lastDay: string } | null>;
  /** Every cell of one day (all purposes and fields): a few hundred rows at most. */
  aggregatesOnDay(day: string): Promise<AggregateCell[]>;
  /** One field's cells, every purpose, on days from `fromDay` to `toDay` inclusive, by day then value. */
  aggregatesFor(query: AggregateQuery): Promise<AggregateCell[]>;
