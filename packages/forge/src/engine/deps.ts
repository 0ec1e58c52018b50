import { getAppContext } from '@forge/api';
import type { Product } from '@usage-reporting/core/api';
import type { Catalog } from '@usage-reporting/core';
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
  return {
    catalog: options.catalog,
    meterEvents: new Set([...toolkitMeterEvents, ...(options.meterEvents ?? [])]),
    vendorFacts: readFacts ? () => readFacts() : () => Promise.resolve(undefined),
    now: () => new Date(),
    transport: collectorTransport(),
    // The signing identity names the installation; the id argument is for scripted clients in tests.
    rights: () => collectorRightsClient(),
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
