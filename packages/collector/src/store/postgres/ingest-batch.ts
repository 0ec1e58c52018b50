import pg from 'pg';
import { z } from 'zod';
import type { InsertOutcome, SeenNonce, StoredReport } from '../store.js';
import { upsertDay } from './dirty-days.js';
import { prepared, runPrepared } from './prepared.js';
import { utcDay } from './rows.js';

/**
 * Many ingests in ONE autocommitted statement (reports.ts runs it through Batches): the nonces, the
 * ids' claims, the reports and their days' dirty marks, as insertOne writes one report, each step
 * writing only for the rows whose step before wrote. Each caller gets the answer it would get one by
 * one, in submission order:
 * - a nonce repeated inside the batch is a replay for every copy after the first (the first either
 *   recorded it or found it held), so only the first copy goes to the statement;
 * - of the items whose nonce was fresh, the first with a reportId claims it; a later one with the same
 *   id, like one whose id was claimed before, is answered afterwards by insertOne's lookup (`settle`),
 *   which sees the batch committed, exactly as a later one-by-one insert would.
 * Rows go in key order (nonces, then ids), so two batches meeting on the same keys (two processes sent
 * the same request) wait for each other in one order rather than deadlock.
 *
 * Prepared (prepared.ts): it only inserts, and joins only its own input and CTEs, so its plan holds
 * however large the tables grow. The rows come as arrays, whose length a custom plan sees; harmless
 * here, since the planner costs inserts at next to nothing per row, so the generic plan wins after
 * five runs whatever the batch size.
 */
const statement = prepared(
  'ingest_batch',
  `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::int[])
      AS t(report_id, receipt_id, installation_id, received_at, digest, bytes, nonce_installation_id, nonce, forget_at, ord)
  ),
  nonce AS (INSERT INTO nonces (installation_id, nonce, forget_at)
    SELECT nonce_installation_id, nonce, forget_at FROM input ORDER BY nonce_installation_id, nonce
    ON CONFLICT DO NOTHING RETURNING installation_id, nonce),
  fresh AS (SELECT i.* FROM input i JOIN nonce n ON n.installation_id = i.nonce_installation_id AND n.nonce = i.nonce),
  first AS (SELECT DISTINCT ON (report_id) * FROM fresh ORDER BY report_id, ord),
  claim AS (INSERT INTO report_ids (report_id, received_at) SELECT report_id, received_at FROM first ORDER BY report_id ON CONFLICT DO NOTHING RETURNING report_id),
  stored AS (INSERT INTO reports (report_id, receipt_id, installation_id, received_at, digest, bytes)
    SELECT f.report_id, f.receipt_id, f.installation_id, f.received_at, f.digest, f.bytes FROM first f JOIN claim USING (report_id) RETURNING report_id, received_at),
  marked AS (INSERT INTO dirty_days (day, generation) SELECT DISTINCT ${utcDay('received_at')}, 1 FROM stored ORDER BY 1
    ${upsertDay})
  SELECT (SELECT coalesce(array_agg(ord), '{}') FROM fresh) AS fresh,
         (SELECT coalesce(array_agg(f.ord), '{}') FROM first f JOIN stored USING (report_id)) AS stored`
);
/** The positions (in what was sent) of the items whose nonce was fresh, and of those stored. */
const resultRow = z.object({ fresh: z.array(z.number().int()), stored: z.array(z.number().int()) });

const nonceKey = (n: SeenNonce) => JSON.stringify([n.installationId, n.nonce]);

export type IngestItem = [StoredReport, SeenNonce];

/** What the statement decided for each item; `settle` is the one-by-one lookup for those it could not. */
type Decided = InsertOutcome | 'settle';

/** Runs the batch; answers each item's outcome, or 'settle' where the claim was held by another report. */
export async function insertBatch(db: pg.Pool | pg.PoolClient, items: readonly IngestItem[]): Promise<Decided[]> {
  const firstOfNonce = new Set<string>();
  const sent: IngestItem[] = [];
  // Each item's position in `sent`, or -1 for a nonce repeated inside the batch (not sent).
  const position = items.map(([r, n]) => {
    const key = nonceKey(n);
    if (firstOfNonce.has(key)) return -1;
    firstOfNonce.add(key);
    return sent.push([r, n]) - 1;
  });
  const column = <T>(pick: (item: IngestItem) => T) => sent.map(pick);
  const { rows } = await runPrepared(db, statement, [
    column(([r]) => r.reportId),
    column(([r]) => r.receiptId),
    column(([r]) => r.installationId),
    column(([r]) => r.receivedAt),
    column(([r]) => r.digest),
    column(([r]) => r.bytes),
    column(([, n]) => n.installationId),
    column(([, n]) => n.nonce),
    column(([, n]) => n.forgetAt),
    sent.map((_, i) => i)
  ]);
  const result = resultRow.parse(rows[0]);
  const fresh = new Set(result.fresh);
  const stored = new Set(result.stored);
  return position.map((p): Decided => {
    if (p < 0 || !fresh.has(p)) return { replayed: true };
    // A fresh item not stored: its id was claimed, earlier in this batch or before it.
    return stored.has(p) ? { inserted: true } : 'settle';
  });
}

/**
 * Whether the statement certainly wrote nothing, so each item may run again alone: the server answered
 * an ERROR, which rolls the statement back and leaves the session usable. Anything else (the connection
 * dropped, the session ended with FATAL) may have come after the commit: the outcome is unknown and
 * running it again could answer a stored report as a replay, so those items fail as one insert would.
 */
export const rolledBack = (err: unknown): boolean => err instanceof pg.DatabaseError && err.severity === 'ERROR';
