import { startThrowawayCluster, type ThrowawayCluster } from './postgres-cluster';

/**
 * The PostgreSQL server of a jest run, from jest's globalSetup and globalTeardown (test/setup/). CI
 * names one in COLLECTOR_TEST_DATABASE_URL; otherwise a throwaway cluster starts here, once per run,
 * and its URL goes into that same variable, which every test worker inherits. test/support/postgres.ts
 * reads it and makes each test file its own database.
 */
export const serverUrlVariable = 'COLLECTOR_TEST_DATABASE_URL';
/** Why no server could be had: set instead of the URL, so only the suites that need PostgreSQL fail, with this reason. */
export const unavailableVariable = 'COLLECTOR_TEST_POSTGRES_UNAVAILABLE';

const clusterKey = Symbol.for('usage-reporting.collector.test-postgres');
type Holder = { [clusterKey]?: ThrowawayCluster };

export async function startTestPostgres(): Promise<void> {
  if (process.env[serverUrlVariable]) return;
  try {
    const cluster = await startThrowawayCluster();
    // globalSetup and globalTeardown share this process's globals, and nothing else.
    (globalThis as Holder)[clusterKey] = cluster;
    process.env[serverUrlVariable] = cluster.url;
  } catch (err) {
    process.env[unavailableVariable] = err instanceof Error ? err.message : String(err);
  }
}

export function stopTestPostgres(): void {
  const holder = globalThis as Holder;
  holder[clusterKey]?.stop();
  delete holder[clusterKey];
}
