import { getAppContext } from '@forge/api';
import type { Product } from '@usage-reporting/core/api';
import type { Catalog } from '@usage-reporting/core';
import type { CollectorPublicKey } from '@usage-reporting/core/node';
import { collectorKeyFrom, type DeliveryOption } from '../delivery/options.js';
import { noEgressRights, noEgressTransport } from '../transport/no-egress.js';
import type { DayCounts } from '../core/meter-rollup.js';
import { readSiteFacts, type SiteReading } from '../site/read-facts.js';
import { toolkitMeterEvents } from './meter.js';
import { collectorTransport, type ReportTransport } from '../transport/report-transport.js';
import { collectorRightsClient, type RightsClient } from '../transport/rights-client.js';

/**
 * What the engine's shells need from outside: the clock, the catalog, the transports and the site
 * reader. Production wires the Forge SDKs; the property test swaps in a scripted transport so it can
 * run a thousand fault sequences quickly. Nothing else differs between the two.
 */
export interface EngineDeps {
  catalog: Catalog;
  /** How reports and rights requests reach the vendor: over HTTPS, or as files the admin hands over. */
  delivery: DeliveryOption;
  /** The collector key its signed answers are verified against, read when asked (the Forge variable may change). */
  collectorKey(): CollectorPublicKey;
  /** The usage events that count: the toolkit's own and the ones the app declared. */
  meterEvents: ReadonlySet<string>;
  /** The app's own facts for its catalog (`ctx.vendor`), read inside the invocation that builds a report. */
  vendorFacts(): Promise<unknown>;
  now(): Date;
  transport: ReportTransport;
  rights(installationId: string): RightsClient;
  readSite(product: Product, usage: DayCounts): Promise<SiteReading>;
  /** Strings that identify this site (its cloud id), which the privacy guard blocks anywhere in a report. */
  siteIdentifiers(): string[];
}

export interface AppParts {
  catalog: Catalog;
  /** Default direct; createUsageReporting always passes the app's explicit choice. */
  delivery?: DeliveryOption;
  /** The collector public key given in code; without it, the Forge variable USAGE_REPORTING_COLLECTOR_PUBLIC_KEY. */
  collectorPublicKey?: string;
  /** Usage events of the app's own, besides the toolkit's (toolkitMeterEvents). */
  meterEvents?: readonly string[];
  /** Reads the app's own facts for its catalog; none when the catalog reads only what the toolkit gathers. */
  readFacts?: () => Promise<unknown>;
  /**
   * Whether reports read the site's scale (Jira projects, issue types, issues, custom fields;
   * Confluence spaces, pages, blog posts) for `ctx.facts.counts`: a few product calls per report,
   * and the manifest scopes they need (read:jira-work, search:confluence). Off unless asked for.
   */
  siteCounts?: boolean;
}

/** The engine's dependencies on Forge, for the app's parts: built once, where the app is wired. */
export function productionDeps(options: AppParts): EngineDeps {
  const readFacts = options.readFacts;
  const collectorKey = collectorKeyFrom(options.collectorPublicKey);
  const delivery = options.delivery ?? { mode: 'direct' };
  const manual = delivery.mode === 'manual';
  return {
    catalog: options.catalog,
    delivery,
    collectorKey,
    meterEvents: new Set([...toolkitMeterEvents, ...(options.meterEvents ?? [])]),
    vendorFacts: readFacts ? () => readFacts() : () => Promise.resolve(undefined),
    now: () => new Date(),
    // Manual delivery gets transports that cannot connect: zero egress is the point of the mode.
    transport: manual ? noEgressTransport : collectorTransport(undefined, undefined, collectorKey),
    // The signing identity names the installation; the id argument is for scripted clients in tests.
    rights: () => (manual ? noEgressRights : collectorRightsClient(undefined, collectorKey)),
    readSite: (product, usage) => readSiteFacts(product, usage, options.siteCounts ?? false),
    siteIdentifiers
  };
}

/** The site's cloud id, from the installation contexts (`ari:cloud:jira::site/<cloudId>`). */
export function siteIdentifiers(): string[] {
  const contexts = getAppContext().installation?.contexts ?? [];
  const ids: string[] = [];
  for (const c of contexts) {
    const text = typeof c === 'string' ? c : typeof c === 'object' && c !== null ? (c.cloudId ?? String(c)) : '';
    const m = /site\/([^/]+)$/.exec(text);
    ids.push(m?.[1] ?? text);
  }
  return ids.filter((s) => s.length >= 8);
}
