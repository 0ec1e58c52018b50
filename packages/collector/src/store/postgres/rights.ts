import type pg from 'pg';
import { z } from 'zod';
import { purposeSchema, type Purpose } from '@usage-reporting/core';
import type { KeyLink } from '@usage-reporting/core/node';
import type { DeletionRecord, RestrictionRecord, SignerStanding, StoredKeyChain } from '../store.js';
import { countRow, inTransaction, instant, lockFor, lockSpace } from './connection.js';
import { markCountedDaysOf } from './dirty-days.js';
import { Batches, type Settled } from './batches.js';

/**
 * What the rights API reads and writes on PostgreSQL: key chains, nonces, restrictions and erasures.
 * Writes that depend on what is held (the key chain's compare-and-set, erasure) take the
 * installation's advisory lock first, as corrections do (corrections.ts).
 */
const headRow = z.object({ public_key: z.string() });
const keyRow = z.object({ public_key: z.string(), recorded_at: instant });
const keyLinkRow = z.object({ public_key: z.string(), previous_public_key: z.string(), rotated_at: z.string(), endorsement: z.string() });
const restrictionRow = z.object({ purposes: z.array(purposeSchema), updated_at: instant });
const standingRow = z.object({ head: z.string().nullable(), seen: z.boolean() });
const deletionRow = z.object({ acknowledgement_id: z.string(), installation_id: z.string(), acknowledged_at: instant, deleted_reports: z.number() });

export class PostgresRights {
  /** Ingest's reads, many signers per statement (Store.signerStanding is asked of every report). */
  private readonly standings: Batches<{ installationId: string; nonce: string }, SignerStanding>;

  constructor(
    private readonly pool: pg.Pool,
    batching: { maxBatch: number; maxInFlight: number }
  ) {
    this.standings = new Batches((asked) => this.standingsOf(asked), batching);
  }

  async keyChainHeadOf(installationId: string): Promise<string | null> {
    const { rows } = await this.pool.query('SELECT public_key FROM key_chain WHERE installation_id = $1 ORDER BY position DESC LIMIT 1', [installationId]);
    return rows.length === 0 ? null : headRow.parse(rows[0]).public_key;
  }

  async keyChainOf(installationId: string): Promise<StoredKeyChain | null> {
    const { rows } = await this.pool.query('SELECT * FROM key_chain WHERE installation_id = $1 ORDER BY position', [installationId]);
    const [genesis, ...rest] = rows;
    if (genesis === undefined) return null;
    const links = rest.map((row): KeyLink => {
      const r = keyLinkRow.parse(row);
      return { previousPublicKey: r.previous_public_key, publicKey: r.public_key, rotatedAt: r.rotated_at, endorsement: r.endorsement };
    });
    return { chain: { genesisPublicKey: headRow.parse(genesis).public_key, links }, recordedAt: rows.map((row) => keyRow.parse(row).recorded_at) };
  }

  /**
   * Compare-and-set, under the installation's lock: two requests extending one chain at once both read
   * `expectedKeys`, and without the lock both would append. The primary key (installation, position)
   * would still refuse the second; the lock makes that an answer (false) instead of an error.
   */
  appendKeyLinks(installationId: string, args: { genesisPublicKey: string; expectedKeys: number; links: KeyLink[]; recordedAt: string }): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await lockFor(client, lockSpace.installation, installationId);
      const { rows } = await client.query('SELECT count(*) AS n FROM key_chain WHERE installation_id = $1', [installationId]);
      const held = countRow.parse(rows[0]).n;
      if (held !== args.expectedKeys) return false;
      const keys = [
        ...(held === 0 ? [{ position: 0, publicKey: args.genesisPublicKey, previous: null, rotatedAt: null, endorsement: null }] : []),
        ...args.links.map((l, i) => ({ position: Math.max(held, 1) + i, publicKey: l.publicKey, previous: l.previousPublicKey, rotatedAt: l.rotatedAt, endorsement: l.endorsement }))
      ];
      await client.query(
        `INSERT INTO key_chain (installation_id, position, public_key, previous_public_key, rotated_at, endorsement, recorded_at)
         SELECT $1, * , $7::timestamptz FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [installationId, keys.map((k) => k.position), keys.map((k) => k.publicKey), keys.map((k) => k.previous), keys.map((k) => k.rotatedAt), keys.map((k) => k.endorsement), args.recordedAt]
      );
      return true;
    });
  }

  signerStanding(installationId: string, nonce: string): Promise<SignerStanding> {
    return this.standings.submit({ installationId, nonce });
  }

  /** Answers what was asked before, then nothing is in flight (the store's close). */
  drain(): Promise<void> {
    return this.standings.drain();
  }

  /** Every signer asking in one turn, in one read: each answer is what its own read would say. */
  private async standingsOf(asked: Array<{ installationId: string; nonce: string }>): Promise<Array<Settled<SignerStanding>>> {
    const { rows } = await this.pool.query(
      `SELECT (SELECT public_key FROM key_chain k WHERE k.installation_id = a.installation_id ORDER BY position DESC LIMIT 1) AS head,
              EXISTS (SELECT 1 FROM nonces n WHERE n.installation_id = a.installation_id AND n.nonce = a.nonce) AS seen
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a(installation_id, nonce, ord) ORDER BY a.ord`,
      [asked.map((a) => a.installationId), asked.map((a) => a.nonce)]
    );
    return rows.map((row) => {
      const r = standingRow.parse(row);
      return { ok: true, value: { keyChainHead: r.head, nonceSeen: r.seen } };
    });
  }

  async nonceSeen(installationId: string, nonce: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM nonces WHERE installation_id = $1 AND nonce = $2', [installationId, nonce]);
    return rows.length > 0;
  }

  async rememberNonce(installationId: string, nonce: string, forgetAt: string): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO nonces (installation_id, nonce, forget_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [installationId, nonce, forgetAt]);
    return result.rowCount === 1;
  }

  async noncesOf(installationId: string): Promise<Array<{ nonce: string; forgetAt: string }>> {
    const { rows } = await this.pool.query('SELECT nonce, forget_at FROM nonces WHERE installation_id = $1 ORDER BY forget_at', [installationId]);
    return rows.map((row) => {
      const r = z.object({ nonce: z.string(), forget_at: instant }).parse(row);
      return { nonce: r.nonce, forgetAt: r.forget_at };
    });
  }

  async forgetNoncesBefore(instantIso: string): Promise<number> {
    return (await this.pool.query('DELETE FROM nonces WHERE forget_at < $1', [instantIso])).rowCount ?? 0;
  }

  async getRestrictions(installationId: string): Promise<RestrictionRecord | null> {
    const { rows } = await this.pool.query('SELECT purposes, updated_at FROM restrictions WHERE installation_id = $1', [installationId]);
    if (rows.length === 0) return null;
    const r = restrictionRow.parse(rows[0]);
    return { purposes: r.purposes, updatedAt: r.updated_at };
  }

  setRestrictions(installationId: string, restriction: RestrictionRecord): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await lockFor(client, lockSpace.installation, installationId);
      await client.query(
        `INSERT INTO restrictions (installation_id, purposes, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (installation_id) DO UPDATE SET purposes = excluded.purposes, updated_at = excluded.updated_at`,
        [installationId, JSON.stringify(restriction.purposes), restriction.updatedAt]
      );
      await markCountedDaysOf(client, installationId);
    });
  }

  async allRestrictions(): Promise<Map<string, Purpose[]>> {
    const { rows } = await this.pool.query("SELECT installation_id, purposes FROM restrictions WHERE purposes <> '[]'::jsonb");
    const row = z.object({ installation_id: z.string(), purposes: z.array(purposeSchema) });
    return new Map(rows.map((r) => row.parse(r)).map((r) => [r.installation_id, r.purposes]));
  }

  deleteReportsOf(installationId: string, ack: Omit<DeletionRecord, 'deletedReports'>): Promise<DeletionRecord> {
    return inTransaction(this.pool, async (client) => {
      await lockFor(client, lockSpace.installation, installationId);
      // Mark before deleting: the marks are found through the reports being deleted.
      await markCountedDaysOf(client, installationId);
      const { rows } = await client.query(
        `WITH gone AS (DELETE FROM reports WHERE installation_id = $1 RETURNING report_id),
           unclaimed AS (DELETE FROM report_ids WHERE report_id IN (SELECT report_id FROM gone)),
           uncorrected AS (DELETE FROM corrections WHERE report_id IN (SELECT report_id FROM gone))
         SELECT count(*) AS n FROM gone`,
        [installationId]
      );
      const deletedReports = countRow.parse(rows[0]).n;
      await client.query('INSERT INTO deletions (acknowledgement_id, installation_id, acknowledged_at, deleted_reports) VALUES ($1, $2, $3, $4)', [
        ack.acknowledgementId,
        installationId,
        ack.acknowledgedAt,
        deletedReports
      ]);
      return { ...ack, deletedReports };
    });
  }

  async deletionsOf(installationId: string): Promise<DeletionRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM deletions WHERE installation_id = $1 ORDER BY acknowledged_at', [installationId]);
    return rows.map((row) => {
      const r = deletionRow.parse(row);
      return { acknowledgementId: r.acknowledgement_id, installationId: r.installation_id, acknowledgedAt: r.acknowledged_at, deletedReports: r.deleted_reports };
    });
  }
}
