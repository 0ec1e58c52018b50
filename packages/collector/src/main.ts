#!/usr/bin/env node
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { metricCatalog } from '@usage-reporting/core';
import { keyFingerprint } from '@usage-reporting/core/node';
import { loadCatalogModule } from './catalog-module.js';
import { isCliCommand, runCli } from './cli/run.js';
import { readCollectorEnv } from './config.js';
import { dashboardTokenVariable } from './dashboard/credential.js';
import { deletionLogPathOf } from './deletion-log/log-file.js';
import { perMinute } from './http/rate-limit.js';
import { resolveSigningKey } from './receipts/signing-key.js';
import { startCollector } from './server.js';
import { describeStore } from './store/open-store.js';

/**
 * The `usage-reporting-collector` bin (and `npm run collector` in this repository): the vendor's
 * collector as a standalone service, configured by environment (config.ts, README.md,
 * docs/COLLECTOR.md). Prints its URL once it listens. With a sub-command (cli/run.ts: ingest,
 * public-key) it does that job with the same configuration instead, and exits.
 */
async function main(): Promise<void> {
  const config = readCollectorEnv(process.env);
  if (!config.ok) throw new Error(config.message);
  const { env } = config;
  const loaded = env.COLLECTOR_CATALOG === undefined ? { ok: true as const, catalog: metricCatalog, path: 'built-in' } : await loadCatalogModule(env.COLLECTOR_CATALOG);
  if (!loaded.ok) throw new Error(loaded.message);
  const { catalog } = loaded;
  const signing = resolveSigningKey(env);
  if (!signing.ok) throw new Error(signing.message);
  const storeConfig = { dbPath: env.COLLECTOR_DB, ...(env.COLLECTOR_DATABASE_URL === undefined ? {} : { databaseUrl: env.COLLECTOR_DATABASE_URL }) };
  if (storeConfig.databaseUrl === undefined && env.COLLECTOR_DB !== ':memory:') mkdirSync(dirname(env.COLLECTOR_DB), { recursive: true });
  const deletionLogPath = deletionLogPathOf(env);
  const collector = await startCollector({
    ...(deletionLogPath === null ? {} : { deletionLogPath }),
    port: env.COLLECTOR_PORT,
    host: env.COLLECTOR_HOST,
    ...storeConfig,
    retentionDays: env.COLLECTOR_RETENTION_DAYS,
    retentionIntervalMs: env.COLLECTOR_RETENTION_INTERVAL_MINUTES * 60_000,
    k: env.COLLECTOR_K,
    minReportingDays: env.COLLECTOR_MIN_REPORTING_DAYS,
    ingestRateLimit: { capacity: env.COLLECTOR_INGEST_BURST, perHour: env.COLLECTOR_INGEST_PER_HOUR },
    rightsRateLimit: { capacity: env.COLLECTOR_RIGHTS_BURST, perHour: env.COLLECTOR_RIGHTS_PER_HOUR },
    unauthenticatedRateLimit: perMinute(env.COLLECTOR_UNAUTHENTICATED_PER_MINUTE),
    logger: env.COLLECTOR_LOG === 'true',
    dashboardToken: env.COLLECTOR_DASHBOARD_TOKEN,
    catalog,
    signingKey: signing.key,
    handOverDays: env.COLLECTOR_HAND_OVER_DAYS
  });
  // The token itself is never printed: this line ends up in service logs.
  const dashboard = env.COLLECTOR_DASHBOARD_TOKEN === undefined ? `off, set ${dashboardTokenVariable} to serve it` : `${collector.url}/dashboard, password: $${dashboardTokenVariable}`;
  process.stdout.write(
    `collector listening on ${collector.url} (dashboard: ${dashboard}, store: ${describeStore(storeConfig)}, ` +
      `retention: ${env.COLLECTOR_RETENTION_DAYS} days, k: ${env.COLLECTOR_K}, ` +
      `catalog: ${loaded.path}, format ${catalog.formatVersion}, ${catalog.entries.length} field${catalog.entries.length === 1 ? '' : 's'})\n`
  );
  // The public half only: the app's configuration needs it to verify receipts. The private half stays where it is.
  process.stdout.write(
    `answers signed by collector key ${signing.key.publicKey} (${keyFingerprint(signing.key.publicKey)}, ${signing.created ? 'made now in' : 'from'} ${signing.source}); ` +
      `hand-over files: ${collector.url}/upload, taken for ${env.COLLECTOR_HAND_OVER_DAYS} days\n`
  );
  const stop = () => {
    void collector.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const [command, ...args] = process.argv.slice(2);
if (isCliCommand(command)) {
  // exitCode, not exit(): the command has closed its store, and its output must reach a pipe whole.
  runCli(command, args, { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`usage-reporting-collector ${command} failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  );
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`collector failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
