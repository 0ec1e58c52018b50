import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { receiptSchema } from '@usage-reporting/core/collector-api';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import type { InsertOutcome, SeenNonce, StoredReport } from '../src/store/store';
import { collectorOn, makeInstallation, makeReport, sendReport, storedReport, type EngineCollector } from './support';
import { postgresEngine } from './support/engines';
import { TestDatabase } from './support/postgres';

/**
 * Ingest's group commit on PostgreSQL (store/postgres/batches.ts, ingest-batch.ts): reports that
 * arrive together share one statement and one commit. What must not change: each caller gets the
 * answer it would get one by one, a bad report fails alone, and nobody is answered before the
 * statement holding their report has committed.
 */
const database = new TestDatabase();
afterAll(() => database.drop());

const now = new Date().toISOString();
const installationId = randomUUID();
const report = (over: Partial<StoredReport> = {}): StoredReport => storedReport({ installationId, receivedAt: now, ...over });
const nonce = (value: string = randomUUID()): SeenNonce => ({ installationId, nonce: value, forgetAt: now });
const byId = (a: { reportId: string }, b: { reportId: string }) => a.reportId.localeCompare(b.reportId);

/** Every settled outcome, or 'pending' for those not settled within a turn or two. */
async function settledSoFar<T>(promises: Array<Promise<T>>): Promise<Array<PromiseSettledResult<T> | 'pending'>> {
  const marks = promises.map((p) => p.then((value) => ({ status: 'fulfilled' as const, value }), (reason: unknown) => ({ status: 'rejected' as const, reason })));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return Promise.all(marks.map((m) => Promise.race([m, Promise.resolve('pending' as const)])));
}

describe('ingest batches on PostgreSQL', () => {
  let url: string;
  let store: PostgresStore;
  /** Another connection's view of the schema, behind the store's back. */
  let admin: pg.Pool;
  beforeEach(async () => {
    url = await database.freshSchemaUrl();
    store = await PostgresStore.open({ connectionString: url, poolSize: 4 });
    admin = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterEach(async () => {
    await admin.end();
    await store.close();
  });

  const count = async (table: string) => z.coerce.number().parse((await admin.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  it('stores many reports that arrive together with a few statements, each answered as inserted', async () => {
    const reports = Array.from({ length: 60 }, () => report());
    const queries = jest.spyOn(store.pool, 'query');
    const outcomes = await Promise.all(reports.map((r) => store.insertReport(r, nonce())));

    expect(outcomes).toEqual(reports.map(() => ({ inserted: true })));
    // One by one, this was a statement per report.
    expect(queries.mock.calls.length).toBeLessThanOrEqual(3);
    expect((await store.reportsOf(installationId)).sort(byId)).toEqual([...reports].sort(byId));
    await expect(count('nonces')).resolves.toBe(60);
  });

  it('answers repeated nonces and reportIds inside one batch exactly as one-by-one inserts would', async () => {
    const held = report();
    const [b, c, d, e, f] = [report(), report(), report(), report(), report()] as [StoredReport, StoredReport, StoredReport, StoredReport, StoredReport];
    const [n0, n1, n2, n3, n4, n5, n6] = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((n) => nonce(`${n}-${randomUUID()}`)) as SeenNonce[] as [SeenNonce, SeenNonce, SeenNonce, SeenNonce, SeenNonce, SeenNonce, SeenNonce];
    const items: Array<[StoredReport, SeenNonce]> = [
      [b, n1],
      [{ ...b, receiptId: randomUUID(), digest: 'e'.repeat(64) }, n2], // b's id again, other content: b is held
      [c, n1], // b's nonce again: a replay
      [{ ...held, receiptId: randomUUID() }, n3], // an id held before the batch
      [d, n0], // a nonce held before the batch
      [e, n4],
      [e, n4], // the same request twice
      [f, n5],
      [{ ...f, receiptId: randomUUID() }, n6] // f's id again, same content: f is held
    ];

    const oneByOne = await PostgresStore.open({ connectionString: await database.freshSchemaUrl(), poolSize: 4 });
    try {
      await oneByOne.insertReport(held, n0);
      const expected: InsertOutcome[] = [];
      for (const [r, n] of items) expected.push(await oneByOne.insertReport(r, n));

      await store.insertReport(held, n0);
      const queries = jest.spyOn(store.pool, 'query');
      const together = await Promise.all(items.map(([r, n]) => store.insertReport(r, n)));
      expect(together).toEqual(expected);
      expect(together.filter((o) => 'inserted' in o && o.inserted)).toHaveLength(3);
      // It was one batch: one statement, then one lookup for each id found held.
      expect(queries.mock.calls.length).toBeLessThan(items.length);
      expect((await store.reportsOf(installationId)).sort(byId)).toEqual((await oneByOne.reportsOf(installationId)).sort(byId));
      const nonces = async (s: PostgresStore) => (await s.noncesOf(installationId)).map((n) => n.nonce).sort();
      expect(await nonces(store)).toEqual(await nonces(oneByOne));
    } finally {
      await oneByOne.close();
    }
  });

  // PostgreSQL text cannot hold NUL, so that batch's statement fails at the server, as one bad row fails
  // a whole statement; an instant with no month fails before the statement is sent.
  it.each([
    ['a NUL in its bytes', { bytes: '{"x":"\u0000"}' }],
    ['a receipt time that is no instant', { receivedAt: 'not an instant' }]
  ])('fails a bad report (%s) alone: the others in its batch are stored with their nonces, its nonce is not', async (_, badness) => {
    const good = [report(), report()] as [StoredReport, StoredReport];
    const bad = report(badness);
    const badNonce = nonce();
    const outcomes = await Promise.allSettled([store.insertReport(good[0], nonce()), store.insertReport(bad, badNonce), store.insertReport(good[1], nonce())]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { inserted: true } });
    expect((await store.reportsOf(installationId)).sort(byId)).toEqual([...good].sort(byId));
    expect((await store.noncesOf(installationId)).map((n) => n.nonce)).not.toContain(badNonce.nonce);
    await expect(count('nonces')).resolves.toBe(2);
  });

  it("reads the standing of many signers asking together in one statement, each answered for its own installation and nonce", async () => {
    const keyed = randomUUID();
    await store.appendKeyLinks(keyed, { genesisPublicKey: 'genesis-key', expectedKeys: 0, links: [], recordedAt: now });
    await store.rememberNonce(keyed, 'seen-nonce', now);
    await store.rememberNonce(installationId, 'seen-nonce', now);
    const asked = [
      [keyed, 'seen-nonce'],
      [keyed, 'fresh-nonce'],
      [installationId, 'seen-nonce'],
      [installationId, 'fresh-nonce'],
      [randomUUID(), 'seen-nonce']
    ] as const;
    const expected = [];
    for (const [who, n] of asked) expected.push(await store.signerStanding(who, n));

    const queries = jest.spyOn(store.pool, 'query');
    const together = await Promise.all(asked.map(([who, n]) => store.signerStanding(who, n)));
    expect(together).toEqual(expected);
    expect(together.map((s) => [s.keyChainHead, s.nonceSeen])).toEqual([
      ['genesis-key', true],
      ['genesis-key', false],
      [null, true],
      [null, false],
      [null, false]
    ]);
    expect(queries.mock.calls).toHaveLength(1);
  });

  describe('with the batch held at the server (another transaction holds its day’s dirty mark)', () => {
    let blocker: pg.Client;
    beforeEach(async () => {
      blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query(`INSERT INTO dirty_days (day, generation) VALUES ($1::date, 1) ON CONFLICT (day) DO UPDATE SET generation = dirty_days.generation + 1`, [now.slice(0, 10)]);
    });
    afterEach(async () => {
      await blocker.end();
    });

    /** The pid of the store's backend waiting on the blocker, once it waits: the batch wrote its rows up to the mark. */
    async function waitingBatch(): Promise<number> {
      for (let waited = 0; waited < 5000; waited += 20) {
        const { rows } = await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`);
        if (rows[0]) return z.number().parse(rows[0].pid);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('no batch came to wait on the held dirty mark');
    }

    it('answers each caller only once its report is committed: another connection already sees it', async () => {
      const reports = Array.from({ length: 10 }, () => report());
      const seenWhenAnswered = reports.map((r) =>
        store.insertReport(r, nonce()).then(async (outcome) => ({ outcome, visible: (await admin.query('SELECT 1 FROM reports WHERE report_id = $1', [r.reportId])).rows.length }))
      );
      await waitingBatch();
      expect(await settledSoFar(seenWhenAnswered)).toEqual(reports.map(() => 'pending'));

      await blocker.query('COMMIT');
      expect(await Promise.all(seenWhenAnswered)).toEqual(reports.map(() => ({ outcome: { inserted: true }, visible: 1 })));
    });

    it('fails the whole batch when its connection is cut mid-statement, having stored none of it', async () => {
      const items = Array.from({ length: 10 }, (): [StoredReport, SeenNonce] => [report(), nonce()]);
      const answers = items.map(([r, n]) => store.insertReport(r, n));
      const pid = await waitingBatch();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);

      // Unknown to the store whether a cut statement committed, so it acknowledges none and retries none
      // (a retry would wait on the held mark again).
      let timer: NodeJS.Timeout | undefined;
      const settled = await Promise.race([Promise.allSettled(answers), new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting'), 3000)))]);
      clearTimeout(timer);
      expect(settled).toEqual(items.map(() => ({ status: 'rejected', reason: expect.anything() })));
      await blocker.query('ROLLBACK');
      await expect(count('reports')).resolves.toBe(0);
      await expect(count('nonces')).resolves.toBe(0);
      // Nothing of it was kept, not even the nonces: the same requests again are stored, not replays.
      await expect(Promise.all(items.map(([r, n]) => store.insertReport(r, n)))).resolves.toEqual(items.map(() => ({ inserted: true })));
    });
  });
});

describe('POST /v1/reports on PostgreSQL, many at once', () => {
  let c: EngineCollector;
  beforeEach(async () => {
    c = await collectorOn(postgresEngine(database));
  });
  afterEach(async () => {
    await c.close();
  });

  it('answers each report with its own receipt, the one the store holds for it', async () => {
    const sent = Array.from({ length: 30 }, () => {
      const who = makeInstallation();
      return makeReport({ installationId: who.installationId });
    });
    const answers = await Promise.all(sent.map((r) => sendReport(c, r)));

    expect(answers.map((a) => a.status)).toEqual(sent.map(() => 201));
    for (const [i, r] of sent.entries()) {
      const receipt = receiptSchema.parse(answers[i]?.receipt);
      expect(receipt.reportId).toBe(r.reportId);
      expect((await c.store.reportOf(r.installationId, r.reportId))?.receiptId).toBe(receipt.receiptId);
    }
    expect(new Set(answers.map((a) => a.receipt.receiptId)).size).toBe(sent.length);
  });
});
