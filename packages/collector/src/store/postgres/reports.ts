import type pg from 'pg';
import { z } from 'zod';
import type { InsertOutcome, SeenNonce, StoredReport } from '../store.js';
import { countRow, inTransaction, type Queryable } from './connection.js';
import { isMissingPartition, monthOf, type ReportPartitions } from './partitions.js';
import { reportColumns, reportRow, storedOf, toReport, utcDay } from './rows.js';
import { upsertDay } from './dirty-days.js';
import { Batches, settledOf, type Settled } from './batches.js';
import { insertBatch, rolledBack, type IngestItem } from './ingest-batch.js';
import { prepared, runPrepared } from './prepared.js';

/**
 * Ingest on PostgreSQL: the nonce, the id's claim (report_ids, see migrations/0001-initial.ts), the
 * report and its day's dirty mark in ONE statement, each step writing only if the one before did.
 * One statement is one round trip and atomic on its own, so plain ingest needs no explicit
 * transaction; a correction runs the same statement inside its own. Reports that arrive together
 * share one such statement (ingest-batch.ts); a batch of one, or an item of a failed batch, runs this one.
 */
const insertColumns = '(report_id, receipt_id, installation_id, received_at, digest, bytes)';
/** $1…$7: the report and its day; `from` is the CTE whose one row lets the claim go ahead. */
const storeThen = (from: string) => `
  claim AS (INSERT INTO report_ids (report_id, received_at) SELECT $1::text, $4::timestamptz FROM ${from} ON CONFLICT DO NOTHING RETURNING 1),
  stored AS (INSERT INTO reports ${insertColumns} SELECT $1::text, $2::text, $3::text, $4::timestamptz, $5::text, $6::text FROM claim RETURNING 1),
  marked AS (INSERT INTO dirty_days (day, generation) SELECT $7::date, 1 FROM stored ${upsertDay})`;

const withNonce = prepared(
  'ingest_one',
  `WITH nonce AS (INSERT INTO nonces (installation_id, nonce, forget_at) VALUES ($8, $9, $10::timestamptz) ON CONFLICT DO NOTHING RETURNING 1),
  ${storeThen('nonce')}
  SELECT (SELECT count(*) FROM nonce) AS nonce, (SELECT count(*) FROM stored) AS stored`
);

const withoutNonce = prepared('ingest_one_nonce_held', `WITH go AS (SELECT 1), ${storeThen('go')} SELECT 1 AS nonce, (SELECT count(*) FROM stored) AS stored`);

/** A stale claim taken over, only if it is still the stale one ($8): another transaction may have taken it first. */
const takeOver = `WITH took AS (UPDATE report_ids SET received_at = $4::timestamptz WHERE report_id = $1 AND received_at = $8::timestamptz RETURNING 1),
  stored AS (INSERT INTO reports ${insertColumns} SELECT $1::text, $2::text, $3::text, $4::timestamptz, $5::text, $6::text FROM took RETURNING 1),
  marked AS (INSERT INTO dirty_days (day, generation) SELECT $7::date, 1 FROM stored ${upsertDay})
  SELECT 1 AS nonce, (SELECT count(*) FROM stored) AS stored`;

const claimed = `SELECT i.received_at AS claimed_at, ${reportColumns('r')} FROM report_ids i
  LEFT JOIN reports r ON r.report_id = i.report_id AND r.received_at = i.received_at WHERE i.report_id = $1`;
const claimedRow = z.union([
  reportRow.extend({ claimed_at: z.date() }),
  z.object({ claimed_at: z.date(), report_id: z.null() })
]);
const outcomeRow = z.object({ nonce: z.coerce.number(), stored: z.coerce.number() });

const reportParams = (r: StoredReport) => [r.reportId, r.receiptId, r.installationId, r.receivedAt, r.digest, r.bytes, r.receivedAt.slice(0, 10)];

/**
 * Stores one report (and its nonce, unless `nonce` is null) on `db`; a pool, or a transaction's client.
 * A claim held by another report answers that report; a stale claim is taken over (`settle`).
 */
export async function insertOne(db: Queryable, r: StoredReport, nonce: SeenNonce | null): Promise<InsertOutcome> {
  const first = nonce ? await runPrepared(db, withNonce, [...reportParams(r), nonce.installationId, nonce.nonce, nonce.forgetAt]) : await runPrepared(db, withoutNonce, reportParams(r));
  const outcome = outcomeRow.parse(first.rows[0]);
  if (outcome.nonce === 0) return { replayed: true };
  if (outcome.stored === 1) return { inserted: true };
  return settle(db, r);
}

/**
 * The answer for a report whose nonce is recorded but whose id's claim was held when it was inserted:
 * the report holding the claim, or, if that claim has gone stale or gone, the report stored after all.
 * Each turn of the loop follows a change another transaction committed, so it ends within a few.
 */
export async function settle(db: Queryable, r: StoredReport): Promise<InsertOutcome> {
  for (let turn = 0; turn < 5; turn++) {
    const held = await db.query(claimed, [r.reportId]);
    if (held.rows.length === 0) {
      // The claim went (a retraction, retention) since the insert met it: claim afresh, the nonce is held.
      if (outcomeRow.parse((await runPrepared(db, withoutNonce, reportParams(r))).rows[0]).stored === 1) return { inserted: true };
      continue;
    }
    const row = claimedRow.parse(held.rows[0]);
    if (row.report_id !== null) return { inserted: false, existing: storedOf(row) };
    // The claim's report went with a dropped partition before its claim was deleted: no claim at all.
    if (outcomeRow.parse((await db.query(takeOver, [...reportParams(r), row.claimed_at])).rows[0]).stored === 1) return { inserted: true };
  }
  throw new Error(`report ${r.reportId}: its id's claim kept changing under concurrent writes`);
}

export class PostgresReports {
  /** Ingest's inserts, many concurrent reports per statement (ingest-batch.ts). */
  private readonly ingests: Batches<IngestItem, InsertOutcome>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly partitions: ReportPartitions,
    batching: { maxBatch: number; maxInFlight: number }
  ) {
    this.ingests = new Batches((items) => this.ingestBatch(items), batching);
  }

  /**
   * Runs `work` once the partitions of `instants` exist. A partition another process dropped meanwhile
   * (only retention drops, and only past months) fails the statement whole; it is made again and the
   * work runs once more.
   */
  async intoPartitions<T>(instants: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const months = [...new Set([...instants].map(monthOf))];
    await this.partitions.ensure(months);
    try {
      return await work();
    } catch (err) {
      if (!isMissingPartition(err)) throw err;
      for (const m of months) this.partitions.forget(m);
      await this.partitions.ensure(months);
      return work();
    }
  }

  insertReport(report: StoredReport, nonce: SeenNonce): Promise<InsertOutcome> {
    return this.ingests.submit([report, nonce]);
  }

  /** Answers what was submitted before, then nothing is in flight (the store's close). */
  drain(): Promise<void> {
    return this.ingests.drain();
  }

  private alone([report, nonce]: IngestItem): Promise<InsertOutcome> {
    return this.intoPartitions([report.receivedAt], () => insertOne(this.pool, report, nonce));
  }

  private async ingestBatch(items: IngestItem[]): Promise<Array<Settled<InsertOutcome>>> {
    if (items.length === 1) return [await settledOf(this.alone(items[0] as IngestItem))];
    let decided;
    let sent = false;
    try {
      decided = await this.intoPartitions(
        items.map(([r]) => r.receivedAt),
        () => {
          sent = true;
          return insertBatch(this.pool, items);
        }
      );
    } catch (err) {
      // Sent, and unknown whether it committed: every item fails with the error, as one insert would.
      if (sent && !rolledBack(err)) throw err;
      // Nothing of it was written, or not even sent (an instant with no month). Each item alone, in
      // submission order, so a repeated nonce or id still goes to the earlier item: one bad item fails
      // alone, the others get their true answers.
      const outcomes: Array<Settled<InsertOutcome>> = [];
      for (const item of items) outcomes.push(await settledOf(this.alone(item)));
      return outcomes;
    }
    // After the commit, as a later insert would ask; in order, so two items settling one id meet as one by one.
    const outcomes: Array<Settled<InsertOutcome>> = [];
    for (const [i, d] of decided.entries()) outcomes.push(d === 'settle' ? await settledOf(settle(this.pool, (items[i] as IngestItem)[0])) : { ok: true, value: d });
    return outcomes;
  }

  /** Bulk load (benchmarks, migrations from SQLite): chunks of 1,000 in one transaction, each day marked once per chunk. */
  async bulkInsert(reports: Iterable<StoredReport>): Promise<number> {
    const all = [...reports];
    return this.intoPartitions(
      all.map((r) => r.receivedAt),
      () =>
        inTransaction(this.pool, async (client) => {
          let n = 0;
          for (let i = 0; i < all.length; i += 1000) {
            const chunk = all.slice(i, i + 1000);
            const column = <K extends keyof StoredReport>(k: K) => chunk.map((r) => r[k]);
            const { rows } = await client.query(
              `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[]) AS t${insertColumns}),
                 claim AS (INSERT INTO report_ids (report_id, received_at) SELECT report_id, received_at FROM input ON CONFLICT DO NOTHING RETURNING report_id),
                 stored AS (INSERT INTO reports ${insertColumns} SELECT DISTINCT ON (i.report_id) i.* FROM input i JOIN claim USING (report_id) RETURNING received_at),
                 marked AS (INSERT INTO dirty_days (day, generation) SELECT DISTINCT ${utcDay('received_at')}, 1 FROM stored ${upsertDay})
               SELECT count(*) AS n FROM stored`,
              [column('reportId'), column('receiptId'), column('installationId'), column('receivedAt'), column('digest'), column('bytes')]
            );
            n += countRow.parse(rows[0]).n;
          }
          return n;
        })
    );
  }

  async reportsOf(installationId: string): Promise<StoredReport[]> {
    const { rows } = await this.pool.query(`SELECT ${reportColumns('r')} FROM reports r WHERE r.installation_id = $1 ORDER BY r.received_at, r.report_id`, [installationId]);
    return rows.map(toReport);
  }

  async countReports(): Promise<number> {
    const { rows } = await this.pool.query('SELECT count(*) AS n FROM reports');
    return countRow.parse(rows[0]).n;
  }
}
