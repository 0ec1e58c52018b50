import type Resolver from '@forge/resolver';
import { meterEvents as toolkitEvents, meterNameSchema, type Catalog } from '@usage-reporting/core';
import { resolverFunctionKey, resolverNames, type ResolverName } from '@usage-reporting/core/api';
import { recordInstallation, recordScheduledRun } from './context/installation.js';
import { productFromFunctionContext } from './context/product.js';
import { checkCollectorKeyOption, parseDeliveryOption } from './delivery/options.js';
import { productionDeps } from './engine/deps.js';
import { meter } from './engine/meter.js';
import { runScheduledJob, summarizeRun, type ScheduledRunSummary } from './engine/scheduled-job.js';
import { defineResolver } from './resolvers/define.js';
import { resolverRegistry } from './resolvers/registry.js';

export interface UsageReportingOptions<V = unknown> {
  /** The app's catalog (makeCatalog from @usage-reporting/core): every field a report may contain. */
  catalog: Catalog<V>;
  /**
   * Reads the app's own facts, which the catalog's collect functions see as `ctx.vendor`: typically
   * the app's configuration from its own storage, summarised as data. Called inside the invocation
   * that builds a report (preview or the daily job). Leave it out when the catalog needs none.
   */
  readFacts?: () => Promise<V>;
  /** The app's own usage events (dotted camelCase, like `sso.loginSucceeded`), counted by meter(). */
  meterEvents?: readonly string[];
  /**
   * Read the site's scale for `ctx.facts.counts` (a few product calls per report, and the scopes
   * read:jira-work and search:confluence). Off by default: only a catalog with site-count fields needs it.
   */
  siteCounts?: boolean;
  /**
   * How reports and rights requests reach the vendor; the manifest must match (checkManifestForDelivery).
   * - `{ mode: 'direct' }`: the collector is the manifest's one plain backend egress entry (no
   *   `category`); reports go over HTTPS. The app is not eligible for "Runs on Atlassian".
   * - `{ mode: 'manual' }`: the manifest declares no `permissions.external` at all. The admin downloads
   *   signed files, hands them to the vendor, and pastes the collector's signed answers back.
   */
  delivery: { mode: 'direct' } | { mode: 'manual' };
  /**
   * The collector's public key (what `usage-reporting-collector public-key` prints, or a PEM block):
   * every receipt and acknowledgement is verified against it, in both modes. Leave it out to read the
   * Forge environment variable USAGE_REPORTING_COLLECTOR_PUBLIC_KEY at each invocation instead
   * (`forge variables set USAGE_REPORTING_COLLECTOR_PUBLIC_KEY <key>`).
   */
  collectorPublicKey?: string;
}

/** The app's own `new Resolver()` from @forge/resolver; the toolkit only calls its define(). */
export type ResolverLike = Pick<Resolver, 'define'>;

export type ScheduledOutcome = { ok: true; run: ScheduledRunSummary } | { ok: false; reason: string };

export interface UsageReporting {
  /** The toolkit's resolvers; each is defined as the function `resolverFunctionKey(name)` (`usageReporting.<name>`). */
  readonly resolverNames: readonly ResolverName[];
  /** Defines the toolkit's resolver functions on the app's own Resolver, beside the app's own functions. */
  registerResolvers(resolver: ResolverLike): void;
  /**
   * The daily job: retry the outbox, send the automatic report when due (manual delivery: prepare it
   * and mark it ready to hand over; nothing is sent), apply retention, rotate the signing key when due. Call it from the app's scheduled trigger handler (or export it as one).
   */
  scheduled(event: unknown, context: unknown): Promise<ScheduledOutcome>;
  /** Call it from the app's `avi:forge:installed:app` trigger: records the install and makes the installation's key pair. */
  lifecycle(event: unknown, context: unknown): Promise<void>;
  /**
   * Counts one usage event (a declared one: the app's meterEvents or the toolkit's), for the
   * catalog's usage fields. Never throws: a failed or undeclared count is returned and logged.
   */
  meter(event: string): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/**
 * Usage reporting for one Forge app. The platform seam (clock, catalog, the collector transports,
 * the site reader) is built here, once, and every resolver and the daily job share it.
 */
export function createUsageReporting<V = unknown>(options: UsageReportingOptions<V>): UsageReporting {
  checkOptions(options);
  const delivery = parseDeliveryOption(options.delivery);
  const collectorPublicKey = checkCollectorKeyOption(options.collectorPublicKey);
  const deps = productionDeps({ ...options, delivery, ...(collectorPublicKey === undefined ? {} : { collectorPublicKey }) });
  return {
    resolverNames,
    registerResolvers(resolver) {
      // Under the toolkit's namespace (usageReporting.<name>), beside the app's own functions.
      const define = <N extends ResolverName>(name: N) => resolver.define(resolverFunctionKey(name), defineResolver(name, resolverRegistry[name], deps));
      resolverNames.forEach(define);
    },
    async scheduled(event, context) {
      await recordScheduledRun(event, context);
      const product = productFromFunctionContext(context);
      if (!product.ok) {
        console.error(`[scheduled] cannot tell which product this runs in: ${product.reason}`);
        return { ok: false, reason: product.reason };
      }
      const run = await runScheduledJob(deps, product.product);
      return { ok: true, run: summarizeRun(run) };
    },
    lifecycle: (event, context) => recordInstallation(event, context),
    meter: (event) => meter(event, new Date(), deps.meterEvents)
  };
}

/** Mistakes in the wiring fail where the app is wired, at load, with what to change. */
function checkOptions<V>(options: UsageReportingOptions<V>): void {
  const catalog: unknown = options?.catalog;
  if (typeof catalog !== 'object' || catalog === null || !Array.isArray(Reflect.get(catalog, 'entries')) || !(Reflect.get(catalog, 'byKey') instanceof Map)) {
    throw new TypeError('createUsageReporting: `catalog` must be made with makeCatalog from @usage-reporting/core');
  }
  if (options.readFacts !== undefined && typeof options.readFacts !== 'function') throw new TypeError('createUsageReporting: `readFacts` must be a function returning a promise of the facts');
  for (const name of options.meterEvents ?? []) {
    if (!meterNameSchema.safeParse(name).success) throw new TypeError(`createUsageReporting: usage event ${JSON.stringify(name)} is not dotted camelCase (like 'sso.loginSucceeded')`);
    if ((toolkitEvents as readonly string[]).includes(name)) throw new TypeError(`createUsageReporting: usage event '${name}' is the toolkit's own; choose a name of your app's`);
  }
}
