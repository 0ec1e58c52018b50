import pg from 'pg';
import type { Purpose } from '@usage-reporting/core';
import type { KeyLink } from '@usage-reporting/core/node';
import type {
  AggregateCell,
  AggregateQuery,
  CollectorStore,
  CorrectionOutcome,
  CountedReport,
  DeletionRecord,
  DirtyDay,
  HeldReport,
  InsertOutcome,
  RestrictionRecord,
  RetractionOutcome,
  RetractionRecord,
  SeenNonce,
  MaintenanceTurn,
  StoredKeyChain,
  SignerStanding,
  StoredReport
} from '../store.js';
import { nextDay } from '../days.js';
import { PostgresAggregates } from './aggregates.js';
import { PostgresCorrections } from './corrections.js';
import { PostgresCounted } from './counted.js';
import { migratePostgres } from './migrate.js';
import { monthOf, nextMonth, ReportPartitions } from './partitions.js';
import { PostgresReports } from './reports.js';
import { PostgresRights } from './rights.js';
import { reapplyDeletionPostgres } from './reapply-deletion.js';
import { reapplyRestrictionPostgres } from './reapply-restriction.js';
import { reapplyRetractionPostgres } from './reapply-retraction.js';
import { deleteReportsBeforeDay, maintenanceTurn } from './retention.js';
import { dayStart } from './rows.js';

/**
 * Ingest's two statements per report (signerStanding, insertReport) are batched (batches.ts). Batches
 * in flight at once, per kind: while they are at the server the next ones gather. A bound on one
 * batch's size keeps one statement's arrays, and the wait of its first caller, small.
 */
const ingestBatching = { maxBatch: 256, maxInFlight: 2 };

export interface PostgresStoreOptions {
  /** postgres:// or postgresql://, as libpq reads it; `?options=-c search_path=…` picks a schema. */
  connectionString: string;
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** The clock that decides which months' partitions are made ahead at open. */
  now?: () => Date;
  /** A connection's error outside any query (the server restarted, a network cut). Default: one line on stderr. */
  onConnectionError?: (err: Error) => void;
}

/**
 * The PostgreSQL store: the same CollectorStore as SqliteStore, for a collector that outgrows one
 * file or runs as more than one process against one database. Open it with `PostgresStore.open`,
 * which applies pending migrations first. Each concern lives in its own file beside this one; this
 * class only wires them to the port.
 */
export class PostgresStore implements CollectorStore {
  private readonly reports: PostgresReports;
  private readonly counted: PostgresCounted;
  private readonly corrections: PostgresCorrections;
  private readonly rights: PostgresRights;
  private readonly cells: PostgresAggregates;

  private constructor(
    /** For tools and tests, as SqliteStore exposes `db`; the store's own queries go through the classes above. */
    readonly pool: pg.Pool,
    private readonly partitions: ReportPartitions
  ) {
    this.reports = new PostgresReports(pool, partitions, ingestBatching);
    this.counted = new PostgresCounted(pool);
    this.corrections = new PostgresCorrections(pool, this.reports);
    this.rights = new PostgresRights(pool, ingestBatching);
    this.cells = new PostgresAggregates(pool);
  }

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // node-postgres parses timestamps in the ISO style only; a server or role set to another DateStyle
      // would hand it instants it cannot read. The pool awaits this before a new connection's first use.
      onConnect: async (client) => {
        await client.query('SET DateStyle = ISO');
      }
    });
    const onError = options.onConnectionError ?? ((err: Error) => console.error(`[collector] a PostgreSQL connection failed (${err.message}); the next query opens a new one.`));
    // Unhandled, an idle connection's error would end the process; the pool drops that client and connects anew when next asked.
    pool.on('error', onError);
    try {
      await migratePostgres(pool);
      const partitions = new ReportPartitions(pool);
      const month = monthOf((options.now ?? (() => new Date()))().toISOString());
      await partitions.ensure([month, nextMonth(month)]);
      return new PostgresStore(pool, partitions);
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  insertReport(report: StoredReport, nonce: SeenNonce): Promise<InsertOutcome> {
    return this.reports.insertReport(report, nonce);
  }

  /** Bulk load for benchmarks and migrations: one transaction, each day marked once per chunk. */
  bulkInsert(reports: Iterable<StoredReport>): Promise<number> {
    return this.reports.bulkInsert(reports);
  }

  reportsOf(installationId: string): Promise<StoredReport[]> {
    return this.reports.reportsOf(installationId);
  }

  reportsOnDay(day: string): Promise<CountedReport[]> {
    return this.counted.countedBetween(dayStart(day), dayStart(nextDay(day)));
  }

  reportsOnDayInPages(day: string, pageSize: number): AsyncIterable<CountedReport[]> {
    return this.counted.countedBetweenInPages(dayStart(day), dayStart(nextDay(day)), pageSize);
  }

  reportingDaysThrough(day: string): Promise<Map<string, number>> {
    return this.counted.reportingDaysThrough(dayStart(day), dayStart(nextDay(day)));
  }

  reportOf(installationId: string, reportId: string): Promise<HeldReport | null> {
    return this.corrections.reportOf(installationId, reportId);
  }

  correctionsOf(installationId: string): Promise<Array<{ reportId: string; supersedes: string }>> {
    return this.corrections.correctionsOf(installationId);
  }

  insertCorrection(report: StoredReport, nonce: SeenNonce, supersedes: string): Promise<CorrectionOutcome> {
    return this.corrections.insertCorrection(report, nonce, supersedes);
  }

  retractReport(installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }): Promise<RetractionOutcome> {
    return this.corrections.retractReport(installationId, reportId, ack);
  }

  retractionsOf(installationId: string): Promise<RetractionRecord[]> {
    return this.corrections.retractionsOf(installationId);
  }

  countReports(): Promise<number> {
    return this.reports.countReports();
  }

  keyChainHeadOf(installationId: string): Promise<string | null> {
    return this.rights.keyChainHeadOf(installationId);
  }

  keyChainOf(installationId: string): Promise<StoredKeyChain | null> {
    return this.rights.keyChainOf(installationId);
  }

  appendKeyLinks(installationId: string, args: { genesisPublicKey: string; expectedKeys: number; links: KeyLink[]; recordedAt: string }): Promise<boolean> {
    return this.rights.appendKeyLinks(installationId, args);
  }

  signerStanding(installationId: string, nonce: string): Promise<SignerStanding> {
    return this.rights.signerStanding(installationId, nonce);
  }

  nonceSeen(installationId: string, nonce: string): Promise<boolean> {
    return this.rights.nonceSeen(installationId, nonce);
  }

  rememberNonce(installationId: string, nonce: string, forgetAt: string): Promise<boolean> {
    return this.rights.rememberNonce(installationId, nonce, forgetAt);
  }

  noncesOf(installationId: string): Promise<Array<{ nonce: string; forgetAt: string }>> {
    return this.rights.noncesOf(installationId);
  }

  forgetNoncesBefore(instant: string): Promise<number> {
    return this.rights.forgetNoncesBefore(instant);
  }

  getRestrictions(installationId: string): Promise<RestrictionRecord | null> {
    return this.rights.getRestrictions(installationId);
  }

  setRestrictions(installationId: string, restriction: RestrictionRecord): Promise<void> {
    return this.rights.setRestrictions(installationId, restriction);
  }

  allRestrictions(): Promise<Map<string, Purpose[]>> {
    return this.rights.allRestrictions();
  }

  deleteReportsOf(installationId: string, ack: Omit<DeletionRecord, 'deletedReports'>): Promise<DeletionRecord> {
    return this.rights.deleteReportsOf(installationId, ack);
  }

  deletionsOf(installationId: string): Promise<DeletionRecord[]> {
    return this.rights.deletionsOf(installationId);
  }

  reapplyDeletion(record: DeletionRecord): Promise<number> {
    return reapplyDeletionPostgres(this.pool, record);
  }

  reapplyRetraction(record: RetractionRecord, reportIds: readonly string[]): Promise<number> {
    return reapplyRetractionPostgres(this.pool, record, reportIds);
  }

  reapplyRestriction(installationId: string, restriction: RestrictionRecord): Promise<boolean> {
    return reapplyRestrictionPostgres(this.pool, installationId, restriction);
  }

  /** Several processes may share the database: one retention pass at a time among them (retention.ts). */
  maintenanceTurn<T>(work: (lost: AbortSignal) => Promise<T>): Promise<MaintenanceTurn<T>> {
    return maintenanceTurn(this.pool, work);
  }

  dirtyDays(): Promise<DirtyDay[]> {
    return this.cells.dirtyDays();
  }

  replaceDayAggregates(day: DirtyDay, cells: AggregateCell[]): Promise<void> {
    return this.cells.replaceDayAggregates(day, cells);
  }

  /**
   * As the port says, with one difference in grain: a month partition wholly before `day` goes in one
   * DROP TABLE (one step, one pause), whatever `batch` is; the boundary month is deleted `batch` at a time.
   */
  deleteReportsBeforeDay(day: string, options?: { batch?: number; pause?: () => Promise<void> }): Promise<number> {
    return deleteReportsBeforeDay(this.pool, this.partitions, day, options);
  }

  aggregates(): Promise<AggregateCell[]> {
    return this.cells.aggregates();
  }

  aggregateSpan(): Promise<{ firstDay: string; lastDay: string } | null> {
    return this.cells.aggregateSpan();
  }

  aggregatesOnDay(day: string): Promise<AggregateCell[]> {
    return this.cells.aggregatesOnDay(day);
  }

  aggregatesFor(query: AggregateQuery): Promise<AggregateCell[]> {
    return this.cells.aggregatesFor(query);
  }

  private closing: Promise<void> | null = null;
  /** Answers what ingest has waiting, waits for the queries in flight, then closes every connection; a second call waits for the first. */
  close(): Promise<void> {
    this.closing ??= Promise.all([this.reports.drain(), this.rights.drain()]).then(() => this.pool.end());
    return this.closing;
  }
}
