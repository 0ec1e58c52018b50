import Database from 'better-sqlite3';
import { z } from 'zod';
import { purposeSchema, type Purpose } from '@usage-reporting/core';
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
  StoredKeyChain,
  SignerStanding,
  StoredReport
} from './store.js';
import type { KeyLink } from '@usage-reporting/core/node';
import { GroupCommit } from './group-commit.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { markCountedDaysOf, markDay, SqliteCorrections } from './sqlite-corrections.js';
import { migrateSqlite } from './sqlite/migrate.js';
import { reapplyDeletionSqlite } from './sqlite/reapply-deletion.js';
import { reapplyRestrictionSqlite } from './sqlite/reapply-restriction.js';
import { reapplyRetractionSqlite } from './sqlite/reapply-retraction.js';
import { nextDay } from './days.js';

/**
 * The default store: one SQLite file, created on first use, no setup. WAL lets the dashboard read
 * while ingest writes; synchronous=NORMAL keeps every committed report across a process crash. The
 * tables come from the versioned migrations in sqlite/ (sqlite/0001-initial.ts holds the first schema).
 */
const reportRow = z.object({
  report_id: z.string(),
  receipt_id: z.string(),
  installation_id: z.string(),
  received_at: z.string(),
  digest: z.string(),
  bytes: z.string()
});
const toReport = (row: unknown): StoredReport => {
  const r = reportRow.parse(row);
  return { reportId: r.report_id, receiptId: r.receipt_id, installationId: r.installation_id, receivedAt: r.received_at, digest: r.digest, bytes: r.bytes };
};
const purposesJson = z.string().transform((s, ctx) => {
  const parsed = z.array(purposeSchema).safeParse(JSON.parse(s));
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'stored purposes are not a purpose list' });
    return z.NEVER;
  }
  return parsed.data;
});
/** Built once: a zod schema costs more to construct than to run, and every signed request reads a head. */
const headRow = z.object({ public_key: z.string() });
/** signerStanding's one row, read raw (an array): [newest key or null, 1 when the nonce is recorded]. */
const standingRow = z.tuple([z.string().nullable(), z.number()]);
const keyRow = z.looseObject({ public_key: z.string(), recorded_at: z.string() });
const keyLinkRow = z.object({ public_key: z.string(), previous_public_key: z.string(), rotated_at: z.string(), endorsement: z.string() });
const aggregateRow = z.object({ day: z.string(), purpose: purposeSchema, field: z.string(), value: z.string(), installations: z.number() });
/** Once, not per row: the fold reads up to two years of dirty days at once, and a schema per row cost ~40 ms of the event loop. */
const dirtyDayRow = z.object({ day: z.string(), generation: z.number() });
const restrictionRow = z.object({ installation_id: z.string(), purposes: purposesJson });

/** SQLite's compiled-in default for `wal_autocheckpoint`. */
const sqliteDefaultAutocheckpointPages = 1000;

export class SqliteStore implements CollectorStore {
  readonly db: Database.Database;
  private readonly stmts;
  /** Ingest's inserts, several concurrent reports per transaction (group-commit.ts). */
  private readonly inserts: GroupCommit<[StoredReport, SeenNonce], InsertOutcome>;
  private readonly corrections: SqliteCorrections;

  private readonly checkpointer: WalCheckpointer | null = null;

  /**
   * `backgroundCheckpoints`: copy the WAL into the file on a worker thread instead of inside ingest's
   * commits (wal-checkpointer.ts). The running collector turns it on; a store opened briefly (a
   * migration, a test, the bench's seeding) needs no thread of its own.
   */
  constructor(path: string, options: { backgroundCheckpoints?: boolean } = {}) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrateSqlite(this.db);
    if (options.backgroundCheckpoints && path !== ':memory:') {
      this.db.pragma('wal_autocheckpoint = 0');
      // When SQLite starts a fully copied WAL over, it also cuts the file back to this size after a burst.
      this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      this.checkpointer = new WalCheckpointer(path, {
        // Between transactions by construction: this runs from the event loop, and every transaction here is synchronous.
        catchUp: () => {
          if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
        },
        onFailure: (message) => {
          // Back to SQLite's own checkpoints on this connection: slower commits, nothing lost.
          if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${sqliteDefaultAutocheckpointPages}`);
          console.error(`[collector] the background WAL checkpoint stopped (${message}); checkpointing inside commits instead.`);
        }
      });
    }
    const db = this.db;
    this.stmts = {
      insertReport: db.prepare(
        'INSERT INTO reports (report_id, receipt_id, installation_id, received_at, digest, bytes) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING'
      ),
      reportById: db.prepare('SELECT * FROM reports WHERE report_id = ?'),
      reportsOf: db.prepare('SELECT * FROM reports WHERE installation_id = ? ORDER BY received_at, report_id'),
      countReports: db.prepare('SELECT count(*) AS n FROM reports'),
      markDay: db.prepare(markDay),
      // A correction's day is the one it counts on, not the one it arrived on (sqlite-corrections.ts).
      markDaysOf: db.prepare(markCountedDaysOf),
      keyChainHead: db.prepare('SELECT public_key FROM key_chain WHERE installation_id = ? ORDER BY position DESC LIMIT 1'),
      keyChainOf: db.prepare('SELECT * FROM key_chain WHERE installation_id = ? ORDER BY position'),
      keyChainLength: db.prepare('SELECT count(*) AS n FROM key_chain WHERE installation_id = ?'),
      insertKey: db.prepare(
        'INSERT INTO key_chain (installation_id, position, public_key, previous_public_key, rotated_at, endorsement, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
      ),
      nonceSeen: db.prepare('SELECT 1 FROM nonces WHERE installation_id = ? AND nonce = ?'),
      // Both of ingest's questions in one step through the VM: each is a primary-key probe.
      signerStanding: db
        .prepare(
          `SELECT (SELECT public_key FROM key_chain WHERE installation_id = ? ORDER BY position DESC LIMIT 1),
                  EXISTS (SELECT 1 FROM nonces WHERE installation_id = ? AND nonce = ?)`
        )
        .raw(),
      insertNonce: db.prepare('INSERT INTO nonces (installation_id, nonce, forget_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      noncesOf: db.prepare('SELECT nonce, forget_at FROM nonces WHERE installation_id = ? ORDER BY forget_at'),
      forgetNonces: db.prepare('DELETE FROM nonces WHERE forget_at < ?'),
      getRestrictions: db.prepare('SELECT purposes, updated_at FROM restrictions WHERE installation_id = ?'),
      putRestrictions: db.prepare(
        `INSERT INTO restrictions (installation_id, purposes, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (installation_id) DO UPDATE SET purposes = excluded.purposes, updated_at = excluded.updated_at`
      ),
      allRestrictions: db.prepare('SELECT installation_id, purposes FROM restrictions'),
      deleteReportsOf: db.prepare('DELETE FROM reports WHERE installation_id = ?'),
      insertDeletion: db.prepare('INSERT INTO deletions (acknowledgement_id, installation_id, acknowledged_at, deleted_reports) VALUES (?, ?, ?, ?)'),
      deletionsOf: db.prepare('SELECT * FROM deletions WHERE installation_id = ? ORDER BY acknowledged_at'),
      dirtyDays: db.prepare('SELECT day, generation FROM dirty_days ORDER BY day'),
      clearDirty: db.prepare('DELETE FROM dirty_days WHERE day = ? AND generation = ?'),
      deleteDayAggregates: db.prepare('DELETE FROM aggregates WHERE day = ?'),
      insertAggregate: db.prepare('INSERT INTO aggregates (day, purpose, field, value, installations) VALUES (?, ?, ?, ?, ?)'),
      deleteBatchBeforeDay: db.prepare('DELETE FROM reports WHERE rowid IN (SELECT rowid FROM reports WHERE received_at < ? LIMIT ?)'),
      clearDirtyBefore: db.prepare('DELETE FROM dirty_days WHERE day < ?'),
      aggregates: db.prepare('SELECT day, purpose, field, value, installations FROM aggregates ORDER BY day, purpose, field, value'),
      // min() and max() of the primary key's first column are answered from the two ends of the index.
      aggregateFirstDay: db.prepare('SELECT min(day) AS day FROM aggregates'),
      aggregateLastDay: db.prepare('SELECT max(day) AS day FROM aggregates'),
      aggregatesOnDay: db.prepare('SELECT day, purpose, field, value, installations FROM aggregates WHERE day = ? ORDER BY purpose, field, value'),
      aggregatesFor: db.prepare(
        'SELECT day, purpose, field, value, installations FROM aggregates INDEXED BY aggregates_for_dashboard WHERE field = ? AND day >= ? AND day <= ? ORDER BY day, purpose, value'
      )
    };
    // Every writing transaction begins IMMEDIATE: it takes the write lock first, waiting in the busy
    // handler while another connection (the checkpointer's RESTART, a second process) holds it. A
    // deferred one that read first would instead fail at once with SQLITE_BUSY when it came to write.
    const insertTx = this.db.transaction(this.insertOne);
    const insertManyTx = this.db.transaction((items: Array<[StoredReport, SeenNonce]>) => items.map(([r, n]) => this.insertOne(r, n)));
    this.inserts = new GroupCommit((items) => insertManyTx.immediate(items), ([r, n]) => insertTx.immediate(r, n));
    this.corrections = new SqliteCorrections(db, this.insertOne, (day) => this.stmts.markDay.run(day));
  }

  private readonly insertOne = (r: StoredReport, n: SeenNonce): InsertOutcome => {
    // The nonce shares the report's transaction: replay protection costs ingest no extra commit.
    if (this.stmts.insertNonce.run(n.installationId, n.nonce, n.forgetAt).changes === 0) return { replayed: true };
    const info = this.stmts.insertReport.run(r.reportId, r.receiptId, r.installationId, r.receivedAt, r.digest, r.bytes);
    if (info.changes === 1) {
      this.stmts.markDay.run(r.receivedAt.slice(0, 10));
      return { inserted: true };
    }
    return { inserted: false, existing: toReport(this.stmts.reportById.get(r.reportId)) };
  };

  insertReport(report: StoredReport, nonce: SeenNonce): Promise<InsertOutcome> {
    return this.inserts.submit([report, nonce]);
  }

  /** Bulk load for benchmarks and migrations: one transaction, no per-row dirty marks beyond each day once. */
  bulkInsert(reports: Iterable<StoredReport>): number {
    let n = 0;
    const days = new Set<string>();
    this.db.transaction(() => {
      for (const r of reports) {
        n += this.stmts.insertReport.run(r.reportId, r.receiptId, r.installationId, r.receivedAt, r.digest, r.bytes).changes;
        days.add(r.receivedAt.slice(0, 10));
      }
      for (const d of days) this.stmts.markDay.run(d);
    }).immediate();
    return n;
  }

  async reportsOf(installationId: string): Promise<StoredReport[]> {
    return this.stmts.reportsOf.all(installationId).map(toReport);
  }

  async reportsOnDay(day: string): Promise<CountedReport[]> {
    return this.corrections.countedBetween(day, nextDay(day));
  }

  async *reportsOnDayInPages(day: string, pageSize: number): AsyncIterable<CountedReport[]> {
    yield* this.corrections.countedBetweenInPages(day, nextDay(day), pageSize);
  }

  async reportingDaysThrough(day: string): Promise<Map<string, number>> {
    const rows = this.db
      .prepare(
        `SELECT installation_id, COUNT(DISTINCT substr(received_at, 1, 10)) AS days FROM reports
         WHERE received_at < ? AND installation_id IN (SELECT installation_id FROM reports WHERE received_at >= ? AND received_at < ?)
         GROUP BY installation_id`
      )
      .all(nextDay(day), day, nextDay(day));
    const row = z.object({ installation_id: z.string(), days: z.number() });
    return new Map(rows.map((r) => row.parse(r)).map((r) => [r.installation_id, r.days]));
  }

  async reportOf(installationId: string, reportId: string): Promise<HeldReport | null> {
    return this.corrections.reportOf(installationId, reportId);
  }

  async correctionsOf(installationId: string): Promise<Array<{ reportId: string; supersedes: string }>> {
    return this.corrections.correctionsOf(installationId);
  }

  async insertCorrection(report: StoredReport, nonce: SeenNonce, supersedes: string): Promise<CorrectionOutcome> {
    return this.corrections.insertCorrection(report, nonce, supersedes);
  }

  async retractReport(installationId: string, reportId: string, ack: { acknowledgementId: string; retractedAt: string }): Promise<RetractionOutcome> {
    return this.corrections.retractReport(installationId, reportId, ack);
  }

  async retractionsOf(installationId: string): Promise<RetractionRecord[]> {
    return this.corrections.retractionsOf(installationId);
  }

  async countReports(): Promise<number> {
    return z.object({ n: z.number() }).parse(this.stmts.countReports.get()).n;
  }

  async keyChainHeadOf(installationId: string): Promise<string | null> {
    const row = this.stmts.keyChainHead.get(installationId);
    return row === undefined ? null : headRow.parse(row).public_key;
  }

  async keyChainOf(installationId: string): Promise<StoredKeyChain | null> {
    const rows = this.stmts.keyChainOf.all(installationId).map((row) => keyRow.parse(row));
    const [genesis, ...rest] = rows;
    if (!genesis) return null;
    const links = rest.map((r) => keyLinkRow.parse(r)).map((r): KeyLink => ({
      previousPublicKey: r.previous_public_key,
      publicKey: r.public_key,
      rotatedAt: r.rotated_at,
      endorsement: r.endorsement
    }));
    return { chain: { genesisPublicKey: genesis.public_key, links }, recordedAt: rows.map((r) => r.recorded_at) };
  }

  async appendKeyLinks(installationId: string, args: { genesisPublicKey: string; expectedKeys: number; links: KeyLink[]; recordedAt: string }): Promise<boolean> {
    return this.db.transaction((): boolean => {
      const held = z.object({ n: z.number() }).parse(this.stmts.keyChainLength.get(installationId)).n;
      if (held !== args.expectedKeys) return false;
      if (held === 0) this.stmts.insertKey.run(installationId, 0, args.genesisPublicKey, null, null, null, args.recordedAt);
      const start = Math.max(held, 1);
      args.links.forEach((l, i) => this.stmts.insertKey.run(installationId, start + i, l.publicKey, l.previousPublicKey, l.rotatedAt, l.endorsement, args.recordedAt));
      return true;
    }).immediate();
  }

  async nonceSeen(installationId: string, nonce: string): Promise<boolean> {
    return this.stmts.nonceSeen.get(installationId, nonce) !== undefined;
  }

  // In-process, so no round trip to save, but one statement is still cheaper than two (about 2.0 against 2.3 µs).
  async signerStanding(installationId: string, nonce: string): Promise<SignerStanding> {
    const [keyChainHead, seen] = standingRow.parse(this.stmts.signerStanding.get(installationId, installationId, nonce));
    return { keyChainHead, nonceSeen: seen === 1 };
  }

  async rememberNonce(installationId: string, nonce: string, forgetAt: string): Promise<boolean> {
    return this.stmts.insertNonce.run(installationId, nonce, forgetAt).changes === 1;
  }

  async noncesOf(installationId: string): Promise<Array<{ nonce: string; forgetAt: string }>> {
    return this.stmts.noncesOf.all(installationId).map((row) => {
      const r = z.object({ nonce: z.string(), forget_at: z.string() }).parse(row);
      return { nonce: r.nonce, forgetAt: r.forget_at };
    });
  }

  async forgetNoncesBefore(instant: string): Promise<number> {
    return this.stmts.forgetNonces.run(instant).changes;
  }

  async getRestrictions(installationId: string): Promise<RestrictionRecord | null> {
    const row = this.stmts.getRestrictions.get(installationId);
    if (row === undefined) return null;
    const r = z.object({ purposes: purposesJson, updated_at: z.string() }).parse(row);
    return { purposes: r.purposes, updatedAt: r.updated_at };
  }

  async setRestrictions(installationId: string, restriction: RestrictionRecord): Promise<void> {
    this.db.transaction(() => {
      this.stmts.putRestrictions.run(installationId, JSON.stringify(restriction.purposes), restriction.updatedAt);
      this.stmts.markDaysOf.run(installationId);
    }).immediate();
  }

  async allRestrictions(): Promise<Map<string, Purpose[]>> {
    const out = new Map<string, Purpose[]>();
    for (const row of this.stmts.allRestrictions.all()) {
      const r = restrictionRow.parse(row);
      if (r.purposes.length > 0) out.set(r.installation_id, r.purposes);
    }
    return out;
  }

  async deleteReportsOf(installationId: string, ack: Omit<DeletionRecord, 'deletedReports'>): Promise<DeletionRecord> {
    return this.db.transaction((): DeletionRecord => {
      // Mark before deleting: the marks are found through the reports being deleted.
      this.stmts.markDaysOf.run(installationId);
      const deletedReports = this.stmts.deleteReportsOf.run(installationId).changes;
      this.corrections.pruneCorrections();
      this.stmts.insertDeletion.run(ack.acknowledgementId, installationId, ack.acknowledgedAt, deletedReports);
      return { ...ack, deletedReports };
    }).immediate();
  }

  async deletionsOf(installationId: string): Promise<DeletionRecord[]> {
    return this.stmts.deletionsOf.all(installationId).map((row) => {
      const r = z
        .object({ acknowledgement_id: z.string(), installation_id: z.string(), acknowledged_at: z.string(), deleted_reports: z.number() })
        .parse(row);
      return { acknowledgementId: r.acknowledgement_id, installationId: r.installation_id, acknowledgedAt: r.acknowledged_at, deletedReports: r.deleted_reports };
    });
  }

  async reapplyDeletion(record: DeletionRecord): Promise<number> {
    return reapplyDeletionSqlite(this.db, record);
  }

  async reapplyRetraction(record: RetractionRecord, reportIds: readonly string[]): Promise<number> {
    return reapplyRetractionSqlite(this.db, record, reportIds);
  }

  async reapplyRestriction(installationId: string, restriction: RestrictionRecord): Promise<boolean> {
    return reapplyRestrictionSqlite(this.db, installationId, restriction);
  }

  async dirtyDays(): Promise<DirtyDay[]> {
    return this.stmts.dirtyDays.all().map((row) => dirtyDayRow.parse(row));
  }

  async replaceDayAggregates(day: DirtyDay, cells: AggregateCell[]): Promise<void> {
    this.db.transaction(() => {
      this.stmts.deleteDayAggregates.run(day.day);
      for (const c of cells) this.stmts.insertAggregate.run(c.day, c.purpose, c.field, c.value, c.installations);
      this.stmts.clearDirty.run(day.day, day.generation);
    }).immediate();
  }

  async deleteReportsBeforeDay(day: string, options: { batch?: number; pause?: () => Promise<void> } = {}): Promise<number> {
    const { batch = 1000, pause = async () => undefined } = options;
    // Corrections first, in one go (they are few): they are found through their own rows, which
    // pruneCorrections drops once their reports are gone.
    let n = this.db.transaction(() => this.corrections.deleteCountedBefore(day)).immediate();
    for (;;) {
      // A day past retention can hold tens of thousands of reports; one DELETE of them all held the loop.
      const deleted = this.db.transaction(() => this.stmts.deleteBatchBeforeDay.run(day, batch).changes).immediate();
      n += deleted;
      if (deleted < batch) break;
      await pause();
    }
    this.db.transaction(() => {
      this.corrections.pruneCorrections();
      this.stmts.clearDirtyBefore.run(day);
    }).immediate();
    return n;
  }

  async aggregates(): Promise<AggregateCell[]> {
    return this.stmts.aggregates.all().map((row) => aggregateRow.parse(row));
  }

  async aggregateSpan(): Promise<{ firstDay: string; lastDay: string } | null> {
    const day = z.object({ day: z.string().nullable() });
    const first = day.parse(this.stmts.aggregateFirstDay.get()).day;
    const last = day.parse(this.stmts.aggregateLastDay.get()).day;
    return first === null || last === null ? null : { firstDay: first, lastDay: last };
  }

  async aggregatesOnDay(day: string): Promise<AggregateCell[]> {
    return this.stmts.aggregatesOnDay.all(day).map((row) => aggregateRow.parse(row));
  }

  async aggregatesFor(query: AggregateQuery): Promise<AggregateCell[]> {
    return this.stmts.aggregatesFor.all(query.field, query.fromDay, query.toDay).map((row) => aggregateRow.parse(row));
  }

  async close(): Promise<void> {
    // Whatever is still waiting for a commit gets it, and its answer, before the file closes.
    if (this.db.open) this.inserts.flush();
    await this.checkpointer?.stop();
    // Closing the last connection copies what is left of the WAL and removes it.
    if (this.db.open) this.db.close();
  }
}

export { nextDay } from './days.js';
