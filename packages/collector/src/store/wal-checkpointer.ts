import { Worker } from 'node:worker_threads';
import { betterSqlite3Path } from './driver-path.js';

/**
 * Copies the write-ahead log back into the database file on a worker thread, so ingest never waits for it.
 *
 * Why: with SQLite's default automatic checkpoint, the connection whose commit pushes the WAL past
 * 1,000 pages does the copy itself, inside that commit: on the event loop, with two fsyncs. At a
 * million stored reports every insert dirties pages of three indexes spread over the file, so
 * checkpoints come often and cost a lot. The bench measured it: with the copy taken off the event
 * loop, ingest at 1M rows went from ~5,800 to ~7,900 reports/s and p99 from ~19 to ~9 ms on a 2-core
 * machine (bench/sections/collector.ts gives the current figures).
 *
 * What it keeps: durability is the WAL's, not the checkpoint's. A committed report is in the WAL
 * (synchronous=NORMAL) whether or not it has been copied yet, and SQLite replays the WAL on the
 * next open after a crash. PASSIVE checkpoints never block the writer; once one has copied every
 * frame, SQLite restarts the WAL from its beginning at the next commit, so the file stays bounded.
 * If the worker cannot run (it failed to start, or died), the store falls back to SQLite's own
 * automatic checkpoint on the main connection: slower, never lost.
 *
 * The worker's code is a plain CommonJS string, not a module of ours: it must start the same way
 * under tsx, jest and compiled JavaScript, and all it needs is better-sqlite3, resolved here
 * (driver-path.ts) because its own require() would search from the working directory.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
let stopping = false;
let timer = null;
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const loop = () => {
  timer = null;
  if (stopping) return;
  let row;
  try {
    row = checkpoint();
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String(error && error.message || error) });
    db.close();
    return;
  }
  // Under steady writes a passive pass never quite catches the writer, so SQLite never gets to start
  // the WAL over and it grows without bound. Past the limit, the main thread finishes the job between
  // two commits (see catchUp): only the pages written since this pass are left to copy.
  if (row.log > workerData.catchUpAfterPages) parentPort.postMessage({ kind: 'behind', pages: row.log });
  timer = setTimeout(loop, workerData.intervalMs);
};
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  stopping = true;
  if (timer) clearTimeout(timer);
  try { checkpoint(); } catch {}
  db.close();
  parentPort.postMessage({ kind: 'stopped' });
});
parentPort.postMessage({ kind: 'started' });
loop();
`;

export interface CheckpointerOptions {
  /** How long the worker rests between passes when the WAL is nearly copied. */
  intervalMs?: number;
  /** WAL length, in pages, past which the main connection is asked to finish a pass itself. */
  catchUpAfterPages?: number;
  /**
   * Runs on the main thread when the WAL is long: a passive checkpoint on the writer's own connection,
   * between two of its transactions. The worker has just copied nearly everything, so this copies the
   * few pages since; once every page is copied, SQLite starts the WAL over at the next commit.
   */
  catchUp: () => void;
  /** Told when the worker fails; the store then checkpoints on its own connection again. */
  onFailure: (message: string) => void;
}

export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped: Promise<void> | null = null;
  private failed = false;

  constructor(path: string, options: CheckpointerOptions) {
    this.worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        path,
        driver: betterSqlite3Path(),
        intervalMs: options.intervalMs ?? 50,
        catchUpAfterPages: options.catchUpAfterPages ?? 16_384
      }
    });
    // A checkpointer alone must not keep the process alive; the store's close() stops it properly.
    this.worker.unref();
    const fail = (message: string) => {
      if (this.failed || this.stopped) return;
      this.failed = true;
      options.onFailure(message);
    };
    this.worker.on('message', (m: { kind: string; message?: string }) => {
      if (m.kind === 'failed') fail(m.message ?? 'unknown error');
      else if (m.kind === 'behind' && !this.stopped) options.catchUp();
    });
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(`the checkpoint worker exited with code ${code}`);
    });
  }

  /** Stops after one last pass; resolves once the worker's connection is closed. */
  stop(): Promise<void> {
    if (this.stopped) return this.stopped;
    this.stopped = this.failed
      ? this.worker.terminate().then(() => undefined)
      : new Promise<void>((resolve) => {
          const done = () => resolve();
          this.worker.once('exit', done);
          this.worker.on('message', (m: { kind: string }) => {
            if (m.kind === 'stopped') void this.worker.terminate().then(done);
          });
          this.worker.postMessage('stop');
        });
    return this.stopped;
  }
}
