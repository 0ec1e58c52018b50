import buildForgeBundle from './build-forge-bundle';
import { startTestPostgres } from '../../packages/collector/test/support/postgres-global';

/**
 * jest's globalSetup: once per run, before any worker starts. The app's Forge bundle, rebuilt if
 * stale (build-forge-bundle.ts), and the PostgreSQL server the collector's suites run against
 * (a throwaway cluster unless COLLECTOR_TEST_DATABASE_URL names one).
 */
export default async function globalSetup(): Promise<void> {
  buildForgeBundle();
  await startTestPostgres();
}
