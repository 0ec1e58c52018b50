import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalCheckpointer } from '../src/store/wal-checkpointer';
import { SqliteStore } from '../src/store/sqlite-store';

/**
 * The collector copies its WAL into the database file on a worker thread (wal-checkpointer.ts).
 * What matters to a vendor: the WAL stays bounded under steady writes, nothing committed is lost,
 * and a checkpointer that cannot run says so instead of failing silently.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const walBytes = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
const turn = () => new Promise((resolve) => setImmediate(resolve));

function openWithoutAutocheckpoint(path: string) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
  return db;
}

/**
 * 1,200 commits of ~8 KiB each (~10 MiB in all), yielding between them as ingest does between batches,
 * with a short rest every 20. Returns the largest the WAL file grew. SQLite reuses a WAL from its start
 * once every page of it is copied, so the file's high-water mark is the bound to check.
 */
async function largestWalWhileWriting(db: Database.Database, path: string): Promise<number> {
  const insert = db.prepare('INSERT INTO rows (payload) VALUES (?)');
  let largest = 0;
  for (let i = 0; i < 1200; i++) {
    insert.run('x'.repeat(8192));
    largest = Math.max(largest, walBytes(path));
    if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    else await turn();
  }
  return largest;
}

test('without a checkpointer, a WAL that SQLite never checkpoints keeps growing (the control)', async () => {
  const path = join(dir, 'control.db');
  const db = openWithoutAutocheckpoint(path);
  expect(await largestWalWhileWriting(db, path)).toBeGreaterThan(8 * 1024 * 1024);
  db.close();
});

test('with the checkpointer, the WAL stays bounded under steady writes and every row is kept', async () => {
  const path = join(dir, 'bounded.db');
  const db = openWithoutAutocheckpoint(path);
  const failures: string[] = [];
  const checkpointer = new WalCheckpointer(path, {
    intervalMs: 5,
    catchUpAfterPages: 64,
    catchUp: () => db.pragma('wal_checkpoint(PASSIVE)'),
    onFailure: (message) => failures.push(message)
  });
  let largest: number;
  try {
    largest = await largestWalWhileWriting(db, path);
  } finally {
    // Also when writing failed: a worker left running would outlive the test.
    await checkpointer.stop();
    db.close();
  }

  expect(failures).toEqual([]);
  // 64 pages of 4 KiB asked for, plus what arrives while a pass runs: well under half of the ~10 MiB written.
  expect(largest).toBeLessThan(4 * 1024 * 1024);
  const reopened = new Database(path, { readonly: true });
  expect(reopened.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 1200 });
  reopened.close();
});

test('a checkpointer that cannot open its database reports the failure', async () => {
  let told: (message: string) => void = () => undefined;
  const failed = new Promise<string>((resolve) => (told = resolve));
  const checkpointer = new WalCheckpointer(join(dir, 'missing', 'nowhere.db'), { catchUp: () => undefined, onFailure: (m) => told(m) });
  try {
    await expect(failed).resolves.toMatch(/unable to open|directory does not exist|no such file/i);
  } finally {
    await checkpointer.stop();
  }
});

test("the collector's store checkpoints in the background and leaves no WAL behind once closed", async () => {
  const path = join(dir, 'collector.db');
  const store = new SqliteStore(path, { backgroundCheckpoints: true });
  expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  store.db.exec('CREATE TABLE extra (payload TEXT)');
  const insert = store.db.prepare('INSERT INTO extra (payload) VALUES (?)');
  try {
    for (let i = 0; i < 200; i++) {
      insert.run('y'.repeat(4096));
      await turn();
    }
  } finally {
    await store.close();
  }
  expect(existsSync(`${path}-wal`)).toBe(false);
  const reopened = new Database(path, { readonly: true });
  expect(reopened.prepare('SELECT count(*) AS n FROM extra').get()).toEqual({ n: 200 });
  reopened.close();
});
