import { openStore } from './store/open-store.js';
import { buildCollectorApp, type CollectorAppOptions } from './app.js';
import type { RetentionOutcome } from './aggregate/retention.js';

export interface StartCollectorOptions extends Omit<CollectorAppOptions, 'store'> {
  port: number;
  host?: string;
  /** The SQLite file; created with its tables on first start. Unused when `databaseUrl` is given. */
  dbPath: string;
  /** A PostgreSQL database (postgres:// or postgresql://) instead of the SQLite file; migrated at start. */
  databaseUrl?: string;
  /** How often the retention job runs; it also runs once at start. Default one hour. */
  retentionIntervalMs?: number;
}

export interface RunningCollector {
  url: string;
  runRetention(): Promise<RetentionOutcome>;
  close(): Promise<void>;
}

/** Starts the collector in this process (the local runner does this), listening on host:port. */
export async function startCollector(options: StartCollectorOptions): Promise<RunningCollector> {
  const { dbPath, databaseUrl, port, host = '127.0.0.1', retentionIntervalMs = 60 * 60 * 1000, ...appOptions } = options;
  // A failing migration rejects here (MigrationError), before anything listens.
  const store = await openStore({ dbPath, ...(databaseUrl === undefined ? {} : { databaseUrl }), backgroundCheckpoints: true });
  let collector: ReturnType<typeof buildCollectorApp>;
  try {
    collector = buildCollectorApp({ ...appOptions, store });
  } catch (err) {
    await store.close();
    throw err;
  }
  let job: Promise<unknown> = Promise.resolve();
  // One run at a time: a slow run is followed, never overlapped, by the next.
  const retention = (): Promise<RetentionOutcome> => {
    const run = job.then(async () => {
      const outcome = await collector.runRetention();
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
    close: async () => {
      clearInterval(timer);
      await collector.app.close();
      await job;
      await store.close();
    }
  };
}
