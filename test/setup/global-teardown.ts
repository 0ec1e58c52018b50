import { stopTestPostgres } from '../../packages/collector/test/support/postgres-global';

/** jest's globalTeardown: stops the throwaway PostgreSQL cluster, if global-setup.ts started one. */
export default function globalTeardown(): void {
  stopTestPostgres();
}
