import Resolver from '@forge/resolver';
import { createUsageReporting } from '@usage-reporting/forge';
import { ssoUsageEvents } from './login/usage-events';
import { registerSsoResolvers } from './resolvers/register';
import { ssoCatalog } from './usage/catalog';
import { readSsoFacts } from './usage/read-facts';

/**
 * SSO Config: identity providers and login settings for Jira and Confluence, with consent-first usage
 * reporting from @usage-reporting/forge. The manifest's handlers are `index.resolver`,
 * `index.scheduled` and `index.lifecycle`. One Resolver carries the app's own functions and the
 * toolkit's; the toolkit sees the app only through the catalog, readFacts and the declared events.
 */
const usageReporting = createUsageReporting({ catalog: ssoCatalog, readFacts: readSsoFacts, meterEvents: ssoUsageEvents, delivery: { mode: 'manual' } });

const definitions = new Resolver();
registerSsoResolvers(definitions, { meter: usageReporting.meter, now: () => new Date() });
usageReporting.registerResolvers(definitions);
export const resolver = definitions.getDefinitions();

/** The daily trigger: the toolkit's outbox retry, automatic report and retention. */
export const scheduled = usageReporting.scheduled;

/** The app-installed trigger: the toolkit records the install and makes the installation's key pair. */
export const lifecycle = usageReporting.lifecycle;
