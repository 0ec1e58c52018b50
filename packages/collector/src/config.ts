import { z } from 'zod';
import { defaultK, defaultMinReportingDays, defaultRetentionDays } from './aggregate/retention.js';
import { defaultRateLimit, defaultUnauthenticatedPerMinute } from './http/rate-limit.js';
import { dashboardTokenSchema } from './dashboard/credential.js';
import { defaultHandOverDays } from './http/hand-over-policy.js';
import { databaseUrlSchema } from './store/database-url.js';

/**
 * The standalone collector's configuration, from the environment. Every variable has a default,
 * so `npm run collector` runs with no setup: a SQLite file under ./.data, on loopback only.
 */
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);

export const collectorEnvSchema = z.object({
  COLLECTOR_PORT: int(0, 65535).default(8787),
  /** Loopback by default: put a TLS-terminating reverse proxy in front rather than exposing this port. */
  COLLECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  COLLECTOR_DB: z.string().min(1).default('.data/collector.db'),
  /** PostgreSQL instead of the SQLite file: postgres:// or postgresql:// (store/open-store.ts). Unset: COLLECTOR_DB. */
  COLLECTOR_DATABASE_URL: databaseUrlSchema.optional(),
  COLLECTOR_RETENTION_DAYS: int(1).default(defaultRetentionDays),
  COLLECTOR_RETENTION_INTERVAL_MINUTES: int(1).default(60),
  COLLECTOR_K: int(2).default(defaultK),
  COLLECTOR_MIN_REPORTING_DAYS: int(1, 365).default(defaultMinReportingDays),
  COLLECTOR_INGEST_BURST: int(1).default(defaultRateLimit.capacity),
  COLLECTOR_INGEST_PER_HOUR: int(1).default(defaultRateLimit.perHour),
  COLLECTOR_RIGHTS_BURST: int(1).default(defaultRateLimit.capacity),
  COLLECTOR_RIGHTS_PER_HOUR: int(1).default(defaultRateLimit.perHour),
  /** Requests per minute per source address that fail authentication (also the burst); past it they get 429, signed requests are still served. */
  COLLECTOR_UNAUTHENTICATED_PER_MINUTE: int(1).default(defaultUnauthenticatedPerMinute),
  COLLECTOR_LOG: z.enum(['true', 'false']).default('true'),
  /** The vendor's dashboard credential; unset leaves /dashboard refusing every request. See dashboard/credential.ts. */
  COLLECTOR_DASHBOARD_TOKEN: dashboardTokenSchema.optional(),
  /**
   * The vendor's catalog, the one its app reports with: a module path, absolute or relative to the
   * working directory (catalog-module.ts loads it). Unset: the catalog built into @usage-reporting/core.
   */
  COLLECTOR_CATALOG: z.string().regex(/\.[cm]?js$/, 'expected the path of a JavaScript module ending in .js, .mjs or .cjs').optional(),
  /**
   * The key the collector signs its receipts and acknowledgements with (receipts/signing-key.ts): PKCS#8,
   * a PEM block or its DER as base64. Unset: COLLECTOR_SIGNING_KEY_FILE.
   */
  COLLECTOR_SIGNING_KEY: z.string().min(1).optional(),
  /** The file holding that key, made there on first start when missing. Unset: collector-signing-key.pem beside COLLECTOR_DB. */
  COLLECTOR_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /**
   * The deletion log (deletions, retractions, restriction changes), kept outside the database and its
   * backups (deletion-log/log-file.ts). Unset: collector-deletions.jsonl beside COLLECTOR_DB, whichever
   * engine holds the data.
   */
  COLLECTOR_DELETION_LOG: z.string().min(1).optional(),
  /** How many days after the app made it a hand-over file is still taken (the upload page, the CLI's ingest). */
  COLLECTOR_HAND_OVER_DAYS: int(1, 365).default(defaultHandOverDays)
});
export type CollectorEnv = z.infer<typeof collectorEnvSchema>;

export type ConfigResult = { ok: true; env: CollectorEnv } | { ok: false; message: string };

export function readCollectorEnv(env: Record<string, string | undefined>): ConfigResult {
  // Only our own variables, and an empty value counts as unset (as `COLLECTOR_K= npm run collector` intends).
  const ours = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('COLLECTOR_') && v !== undefined && v !== ''));
  const parsed = collectorEnvSchema.safeParse(ours);
  if (parsed.success) return { ok: true, env: parsed.data };
  const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return { ok: false, message: `invalid configuration:\n  ${lines.join('\n  ')}` };
}
