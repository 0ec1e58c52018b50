import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { metricCatalog } from '@usage-reporting/core';
import { populationField } from '../src/aggregate/fold-day';
import { runRetention } from '../src/aggregate/retention';
import { startCollector } from '../src/server';
import { lockSpace } from '../src/store/postgres/connection';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import type { CollectorStore, StoredReport } from '../src/store/store';
import { makeReport, uuid4 } from './support';
import { TestDatabase } from './support/postgres';

/**
 * Several collector processes may share one PostgreSQL database, each running retention on its own
 * timer. A pass (fold, then delete) runs in one of them at a time, under the schema's maintenance
 * lock; the others skip it and say so. Each store here stands for one process: its own pool, its own
 * connections, one schema between them.
 */
const database = new TestDatabase();
afterAll(() => database.drop());

const now = new Date('2026-11-29T12:00:00.000Z');
const days = ['2026-11-27', '2026-11-28', '2026-11-29'];
const pass = (store: CollectorStore) => runRetention({ store, now, retentionDays: 730, k: 5, catalog: metricCatalog });

/** Six installations reporting once on each day: every day's population cell reads 6. */
function sixInstallationsOnEachDay(): StoredReport[] {
  const ids = Array.from({ length: 6 }, () => makeReport().installationId);
  return days.flatMap((day) =>
    ids.map((installationId, i) => {
      const report = makeReport({ installationId });
      return { reportId: report.reportId, receiptId: uuid4(), installationId, receivedAt: `${day}T0${i}:00:00.000Z`, digest: '0'.repeat(64), bytes: JSON.stringify(report) };
    })
  );
}

/** A latch the test opens (or breaks) by hand, and a promise that says someone is waiting at it. */
function latch() {
  let reached!: () => void;
  let open!: () => void;
  let fail!: (err: Error) => void;
  const waitingAt = new Promise<void>((resolve) => (reached = resolve));
  const opened = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { waitingAt, open, fail, wait: () => (reached(), opened) };
}

/** `store`, whose `method` waits at `gate` on its `nth` call (1-based) before doing its work. */
function stoppingAt<M extends 'dirtyDays' | 'replaceDayAggregates'>(store: CollectorStore, method: M, nth: number, gate: ReturnType<typeof latch>): CollectorStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        if (++calls === nth) await gate.wait();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    }
  });
}

describe('retention with several collector processes on one PostgreSQL database', () => {
  let url: string;
  let open: PostgresStore[] = [];
  let watcher: pg.Client;
  const aProcess = async (): Promise<PostgresStore> => {
    const store = await PostgresStore.open({ connectionString: url, poolSize: 4, onConnectionError: () => undefined });
    open.push(store);
    return store;
  };
  /** The backend holding the schema's maintenance lock, if any: the process whose pass is running. */
  const lockHolder = async (): Promise<number | null> => {
    const { rows } = await watcher.query(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::int4::oid AND objsubid = 2
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [lockSpace.maintenance]
    );
    return rows.length === 0 ? null : Number((rows[0] as { pid: unknown }).pid);
  };
  /** The lock holder's connection cut, as when its process is killed: PostgreSQL ends the session and the lock with it. */
  const killLockHolder = async () => {
    const pid = await lockHolder();
    expect(pid).not.toBeNull();
    await watcher.query('SELECT pg_terminate_backend($1)', [pid]);
    for (let waited = 0; (await lockHolder()) !== null; waited += 20) {
      if (waited > 5000) throw new Error('the terminated backend kept the maintenance lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const populations = async (store: CollectorStore) =>
    (await store.aggregates()).filter((c) => c.purpose === 'product-improvement' && c.field === populationField).map((c) => [c.day, c.installations]);

  beforeEach(async () => {
    url = await database.freshSchemaUrl();
    watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
  });
  afterEach(async () => {
    await Promise.all(open.map((s) => s.close()));
    open = [];
    await watcher.end();
  });

  it('runs a pass in one process at a time: the other skips it and says so in its log', async () => {
    const first = await aProcess();
    const second = await aProcess();
    await first.bulkInsert(sixInstallationsOnEachDay());
    const gate = latch();
    const running = pass(stoppingAt(first, 'dirtyDays', 1, gate));
    await gate.waitingAt;

    const skipped = await pass(second);
    expect(skipped).toMatchObject({ skipped: true, foldedDays: [], deletedReports: 0 });
    expect(await second.dirtyDays()).toHaveLength(3);

    // A whole collector started meanwhile: its start-up pass finds the turn taken and logs that it skipped.
    const log = new PassThrough();
    let lines = '';
    log.on('data', (chunk: Buffer) => (lines += chunk.toString('utf8')));
    const collector = await startCollector({ port: 0, dbPath: join(tmpdir(), 'unused-sqlite-file.db'), databaseUrl: url, logger: log, now: () => now });
    try {
      const outcome = await collector.runRetention();
      expect(outcome.skipped).toBe(true);
      expect(lines).toContain('retention pass skipped: another collector process sharing the database is running one');
    } finally {
      await collector.close();
    }

    gate.open();
    expect(await running).toMatchObject({ skipped: false, foldedDays: days });
    expect(await populations(second)).toEqual(days.map((day) => [day, 6]));
    // The turn is free again: the next pass runs, and finds nothing left to fold.
    expect(await pass(second)).toMatchObject({ skipped: false, foldedDays: [] });
  });

  it('finishes, in another process, a pass whose process died half-way through the fold', async () => {
    const dying = await aProcess();
    await dying.bulkInsert(sixInstallationsOnEachDay());
    const gate = latch();
    // It folds the first day, then dies before writing the second.
    const cutShort = pass(stoppingAt(dying, 'replaceDayAggregates', 2, gate));
    await gate.waitingAt;
    await killLockHolder();
    gate.fail(new Error('killed'));
    await expect(cutShort).rejects.toThrow('killed');
    expect(await populations(dying)).toEqual([[days[0], 6]]);

    const survivor = await aProcess();
    const later = await pass(survivor);
    expect(later).toMatchObject({ skipped: false, foldedDays: days.slice(1) });
    expect(await populations(survivor)).toEqual(days.map((day) => [day, 6]));
    expect(await survivor.dirtyDays()).toEqual([]);
  });

  it('stops a pass whose lock connection broke, at its next step, rather than run beside the next holder', async () => {
    const cut = await aProcess();
    await cut.bulkInsert(sixInstallationsOnEachDay());
    const gate = latch();
    const running = pass(stoppingAt(cut, 'replaceDayAggregates', 2, gate));
    await gate.waitingAt;
    await killLockHolder();
    // The process lives on: it writes the day it was writing, then finds its turn gone.
    gate.open();
    await expect(running).rejects.toThrow('the connection holding the maintenance lock ended');
    expect(await populations(cut)).toEqual(days.slice(0, 2).map((day) => [day, 6]));

    const next = await aProcess();
    expect(await pass(next)).toMatchObject({ skipped: false, foldedDays: days.slice(2) });
    expect(await populations(next)).toEqual(days.map((day) => [day, 6]));
  });
});
