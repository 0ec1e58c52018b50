import { getAppContext } from '@forge/api';
import type { Product } from '@usage-reporting/core/api';
import { metricCatalog, type Catalog } from '@usage-reporting/core';
import type { DayCounts } from '../core/meter-rollup';
import { readSiteFacts, type SiteReading } from '../site/read-facts';
import { collectorTransport, type ReportTransport } from '../transport/report-transport';
import { collectorRightsClient, type RightsClient } from '../transport/rights-client';

/**
 * What the engine's shells need from outside: the clock, the catalog, the transports and the site
 * reader. Production wires the Forge SDKs; the property test swaps in a scripted transport so it can
 * run a thousand fault sequences quickly. Nothing else differs between the two.
 */
export interface EngineDeps {
  catalog: Catalog;
  now(): Date;
  transport: ReportTransport;
  rights(installationId: string): RightsClient;
  readSite(product: Product, usage: DayCounts): Promise<SiteReading>;
  /** Strings that identify this site (its cloud id), which the privacy guard blocks anywhere in a report. */
  siteIdentifiers(): string[];
}

export function productionDeps(): EngineDeps {
  return {
    catalog: metricCatalog,
    now: () => new Date(),
    transport: collectorTransport(),
    // The signing identity names the installation; the id argument is for scripted clients in tests.
    rights: () => collectorRightsClient(),
    readSite: readSiteFacts,
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
