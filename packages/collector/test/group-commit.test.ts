import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from '../src/store/group-commit';
import { SqliteStore } from '../src/store/sqlite-store';
import type { StoredReport } from '../src/store/store';
import { storedReport } from './support';

/**
 * Ingest's inserts share a transaction when they arrive together. What must not change: each caller
 * gets the answer it would get alone, only after its write is committed, and one bad write fails alone.
 */
const report = (over: Partial<StoredReport> = {}): StoredReport =>
  storedReport({ installationId: 'a0000000-0000-8000-8000-000000000001', receivedAt: '2026-11-29T05:00:00.000Z', ...over });
const nonceFor = (r: StoredReport, nonce: string = randomUUID()) => ({ installationId: r.installationId, nonce, forgetAt: '2026-11-29T05:05:00.000Z' });

describe('GroupCommit', () => {
  it('runs what arrives in one turn as one batch, in order, and answers each caller with its own outcome', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit<number, string>(
      (items) => {
        batches.push(items);
        return items.map((i) => `done ${i}`);
      },
      (i) => `alone ${i}`
    );
    await expect(Promise.all([1, 2, 3].map((i) => gc.submit(i)))).resolves.toEqual(['done 1', 'done 2', 'done 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('when the batch throws, runs every item alone: the bad one fails, the others get their answers', async () => {
    const gc = new GroupCommit<number, string>(
      () => {
        throw new Error('batch rolled back');
      },
      (i) => {
        if (i === 2) throw new Error('item 2 is bad');
        return `alone ${i}`;
      }
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'alone 1' },
      { status: 'rejected', reason: new Error('item 2 is bad') },
      { status: 'fulfilled', value: 'alone 3' }
    ]);
  });

  it('commits at once when the batch is full instead of waiting for the turn to end', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommit<number, number>((items) => (batches.push(items), items), (i) => i, 2);
    await Promise.all([1, 2, 3].map((i) => gc.submit(i)));
    expect(batches).toEqual([[1, 2]]);
  });
});

describe('SqliteStore.insertReport under group commit', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    store = new SqliteStore(join(dir, 'c.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a concurrent replay and a concurrent repeat of a reportId as one-by-one inserts would', async () => {
    const a = report();
    const b = report();
    const nonceA = nonceFor(a);
    const [first, replay, repeat] = await Promise.all([
      store.insertReport(a, nonceA),
      store.insertReport({ ...a, receiptId: randomUUID() }, nonceA),
      store.insertReport({ ...b, reportId: a.reportId }, nonceFor(b))
    ]);
    expect(first).toEqual({ inserted: true });
    expect(replay).toEqual({ replayed: true });
    expect(repeat).toEqual({ inserted: false, existing: a });
    await expect(store.noncesOf(a.installationId)).resolves.toHaveLength(2);
  });

  it('a write that fails rolls back alone: the others in its batch are stored with their nonces, its nonce is not', async () => {
    const good = [report(), report()];
    // A NOT NULL column left null: the statement throws inside the shared transaction.
    const bad = { ...report(), bytes: null as unknown as string };
    const badNonce = nonceFor(bad, 'bad-nonce-0123456789');
    const outcomes = await Promise.allSettled([store.insertReport(good[0] as StoredReport, nonceFor(good[0] as StoredReport)), store.insertReport(bad, badNonce), store.insertReport(good[1] as StoredReport, nonceFor(good[1] as StoredReport))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.reportsOf(bad.installationId)).toEqual(expect.arrayContaining(good));
    expect(await store.reportsOf(bad.installationId)).toHaveLength(2);
    expect((await store.noncesOf(bad.installationId)).map((n) => n.nonce)).not.toContain(badNonce.nonce);
  });

  it('answers only once the report is committed: another connection already sees it', async () => {
    const r = report();
    const other = new Database(join(dir, 'c.db'), { readonly: true });
    try {
      const seenWhenAnswered = store.insertReport(r, nonceFor(r)).then(() => other.prepare('SELECT report_id FROM reports WHERE report_id = ?').get(r.reportId));
      await expect(seenWhenAnswered).resolves.toEqual({ report_id: r.reportId });
    } finally {
      other.close();
    }
  });

  it('close() commits and answers what is still waiting', async () => {
    const r = report();
    const pending = store.insertReport(r, nonceFor(r));
    await store.close();
    await expect(pending).resolves.toEqual({ inserted: true });
    const reopened = new SqliteStore(join(dir, 'c.db'));
    try {
      await expect(reopened.reportsOf(r.installationId)).resolves.toEqual([r]);
    } finally {
      await reopened.close();
    }
  });
});
