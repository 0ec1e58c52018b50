import { z } from 'zod';
import { startCollector } from './server';

/**
 * `npm run collector`: the vendor's collector as a standalone service, configured by environment.
 * Defaults run with no setup: a SQLite file in ./.data, loopback only.
 */
const env = z
  .object({
    COLLECTOR_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    COLLECTOR_HOST: z.string().default('127.0.0.1'),
    COLLECTOR_DB: z.string().default('.data/collector.db'),
    COLLECTOR_RETENTION_DAYS: z.coerce.number().int().min(1).default(730),
    COLLECTOR_K: z.coerce.number().int().min(2).default(5),
    COLLECTOR_LOG: z.enum(['true', 'false']).default('true')
  })
  .parse(process.env);

async function main(): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(env.COLLECTOR_DB), { recursive: true });
  const collector = await startCollector({
    port: env.COLLECTOR_PORT,
    host: env.COLLECTOR_HOST,
    dbPath: env.COLLECTOR_DB,
    retentionDays: env.COLLECTOR_RETENTION_DAYS,
    k: env.COLLECTOR_K,
    logger: env.COLLECTOR_LOG === 'true'
  });
  process.stdout.write(`collector listening on ${collector.url} (dashboard: ${collector.url}/dashboard, store: ${env.COLLECTOR_DB})\n`);
  const stop = () => {
    void collector.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`collector failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
