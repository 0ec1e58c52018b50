import Resolver from '@forge/resolver';
import { metricCatalog } from '@usage-reporting/core';
import { createUsageReporting } from '@usage-reporting/forge';

/**
 * The reference app: usage reporting about itself, wired through the toolkit's public entry point
 * as any vendor's app would. The manifest's handlers are `index.resolver`, `index.scheduled` and
 * `index.lifecycle`.
 */
// Its catalog reports the site's scale (site.projects, site.spaces, …), so reports read the site counts.
const usageReporting = createUsageReporting({ catalog: metricCatalog, siteCounts: true, delivery: { mode: 'direct' } });

const definitions = new Resolver();
usageReporting.registerResolvers(definitions);
export const resolver = definitions.getDefinitions();

/** The daily trigger: retry the outbox, send the automatic report when due, apply retention. */
export const scheduled = usageReporting.scheduled;

/** The app-installed trigger: the installation's key pair and install time. */
export const lifecycle = usageReporting.lifecycle;
