import { existsSync } from 'node:fs';
import { keyFingerprint } from '@usage-reporting/core/node';
import { metricCatalog } from '@usage-reporting/core';
import { buildCollectorApp, type CollectorApp } from '../app.js';
import { loadCatalogModule } from '../catalog-module.js';
import { DeletionLog, DeletionLogError, deletionLogPathOf } from '../deletion-log/log-file.js';
import type { CollectorEnv } from '../config.js';
import { perMinute } from '../http/rate-limit.js';
import { resolveSigningKey } from '../receipts/signing-key.js';
import { openStore } from '../store/open-store.js';

/**
 * The collector as the CLI uses it: the same app over the same store, catalog, limits and signing key
 * the service is configured with, not listening. It opens an existing store and key only: a database
 * or key made here would be one no running collector and no app knows, and its receipts worthless.
 */
export type OfflineCollector = { ok: true; collector: CollectorApp; keyFingerprint: string; close(): Promise<void> } | { ok: false; message: string };

export async function openOfflineCollector(env: CollectorEnv): Promise<OfflineCollector> {
  const loaded = env.COLLECTOR_CATALOG === undefined ? { ok: true as const, catalog: metricCatalog } : await loadCatalogModule(env.COLLECTOR_CATALOG);
  if (!loaded.ok) return loaded;
  const key = resolveSigningKey(env, { create: false });
  if (!key.ok) return { ok: false, message: `${key.message}: run the collector (or its public-key command) with this configuration first` };
  if (env.COLLECTOR_DATABASE_URL === undefined && (env.COLLECTOR_DB === ':memory:' || !existsSync(env.COLLECTOR_DB))) {
    return { ok: false, message: `COLLECTOR_DB: ${env.COLLECTOR_DB} is not a collector's database; run the command with the configuration the collector runs with` };
  }
  // A deletion, retraction or restriction delivered from a hand-over file goes through the same routes
  // as one the service received, and is logged by them in the same file.
  const logPath = deletionLogPathOf(env);
  let deletionLog: DeletionLog | undefined;
  try {
    deletionLog = logPath === null ? undefined : DeletionLog.open(logPath);
  } catch (err) {
    if (err instanceof DeletionLogError) return { ok: false, message: err.message };
    throw err;
  }
  const store = await openStore({ dbPath: env.COLLECTOR_DB, ...(env.COLLECTOR_DATABASE_URL === undefined ? {} : { databaseUrl: env.COLLECTOR_DATABASE_URL }) });
  const collector = buildCollectorApp({
    store,
    catalog: loaded.catalog,
    retentionDays: env.COLLECTOR_RETENTION_DAYS,
    k: env.COLLECTOR_K,
    minReportingDays: env.COLLECTOR_MIN_REPORTING_DAYS,
    ingestRateLimit: { capacity: env.COLLECTOR_INGEST_BURST, perHour: env.COLLECTOR_INGEST_PER_HOUR },
    rightsRateLimit: { capacity: env.COLLECTOR_RIGHTS_BURST, perHour: env.COLLECTOR_RIGHTS_PER_HOUR },
    unauthenticatedRateLimit: perMinute(env.COLLECTOR_UNAUTHENTICATED_PER_MINUTE),
    signingKey: key.key,
    handOverDays: env.COLLECTOR_HAND_OVER_DAYS,
    ...(deletionLog === undefined ? {} : { deletionLog })
  });
  return {
    ok: true,
    collector,
    keyFingerprint: keyFingerprint(key.key.publicKey),
    close: async () => {
      await collector.app.close();
      await store.close();
    }
  };
}
