import { openStore } from './store/open-store.js';
import { buildCollectorApp, type CollectorAppOptions } from './app.js';
import type { RetentionOutcome } from './aggregate/retention.js';
import { DeletionLog } from './deletion-log/log-file.js';
import { replayDeletionLog, type DeletionReplay } from './deletion-log/replay.js';

export interface StartCollectorOptions extends Omit<CollectorAppOptions, 'store' | 'deletionLog'> {
  port: number;
  host?: string;
  /** The SQLite file; created with its tables on first start. Unused when `databaseUrl` is given. */
  dbPath: string;
  /** A PostgreSQL database (postgres:// or postgresql://) instead of the SQLite file; migrated at start. */
  databaseUrl?: string;
  /** How often the retention job runs; it also runs once at start. Default one hour. */
  retentionIntervalMs?: number;
  /** The deletion log (deletion-log/log-file.ts), replayed before listening; unset, no right is logged. */
  deletionLogPath?: string;
}

export interface RunningCollector {
  url: string;
  runRetention(): Promise<RetentionOutcome>;
  /** What replaying the deletion log at start erased and set back; null without a log. */
  deletionReplay: DeletionReplay | null;
  close(): Promise<void>;
}

/** Starts the collector in this process (the local runner does this), listening on host:port. */
export async function startCollector(options: StartCollectorOptions): Promise<RunningCollector> {
  const { dbPath, databaseUrl, port, host = '127.0.0.1', retentionIntervalMs = 60 * 60 * 1000, deletionLogPath, ...appOptions } = options;
  // An unwritable or unreadable log stops the start (DeletionLogError) before the store is opened.
  const deletionLog = deletionLogPath === undefined ? null : DeletionLog.open(deletionLogPath);
  // A failing migration rejects here (MigrationError), before anything listens.
  const store = await openStore({ dbPath, ...(databaseUrl === undefined ? {} : { databaseUrl }), backgroundCheckpoints: true });
  let collector: ReturnType<typeof buildCollectorApp>;
  let deletionReplay: DeletionReplay | null = null;
  try {
    collector = buildCollectorApp({ ...appOptions, store, ...(deletionLog === null ? {} : { deletionLog }) });
    // Before listening: a database restored from a backup must not serve a deleted installation's reports, not even once.
    if (deletionLog !== null) {
      if (deletionLog.repairedTail) collector.app.log.warn({ path: deletionLog.path }, 'deletion log: removed a last line cut short by a crash; it was never acknowledged');
      deletionReplay = await replayDeletionLog(store, deletionLog);
      collector.app.log.info({ path: deletionLog.path, ...deletionReplay }, 'deletion log replayed');
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  let job: Promise<unknown> = Promise.resolve();
  // One run at a time: a slow run is followed, never overlapped, by the next.
  const retention = (): Promise<RetentionOutcome> => {
    const run = job.then(async () => {
      const outcome = await collector.runRetention();
      // Several processes on one PostgreSQL database each run this timer; one of them does each pass.
      if (outcome.skipped) collector.app.log.info('retention pass skipped: another collector process sharing the database is running one');
      if (outcome.unparsedReports > 0) collector.app.log.warn({ unparsedReports: outcome.unparsedReports }, 'stored reports no longer parse under the catalog in use; left out of aggregates');
      return outcome;
    });
    job = run.catch((err: unknown) => collector.app.log.error({ err }, 'retention job failed'));
    return run;
  };
  try {
    await collector.app.listen({ port, host });
  } catch (err) {
    await store.close();
    throw err;
  }
  void retention().catch(() => undefined);
  const timer = setInterval(() => void retention().catch(() => undefined), retentionIntervalMs);
  timer.unref();
  const address = collector.app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${boundPort}`,
    runRetention: retention,
    deletionReplay,
    close: async () => {
      clearInterval(timer);
      await collector.app.close();
      await job;
      await store.close();
    }
  };
}
