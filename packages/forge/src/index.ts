/**
 * @usage-reporting/forge: consent-first usage reporting inside a Forge app's own backend.
 * createUsageReporting takes the app's catalog and returns the resolver functions to define on the
 * app's Resolver, the daily and install handlers, and meter(). Every SDK call (KVS, egress, the
 * product APIs) goes through one platform seam built there, once.
 */
export { createUsageReporting, type ResolverLike, type ScheduledOutcome, type UsageReporting, type UsageReportingOptions } from './create-usage-reporting.js';
export type { ScheduledRunSummary } from './engine/scheduled-job.js';
/**
 * For the app's own resolvers: whether the caller administers the product (asked of Jira or
 * Confluence as that user), and which product an invocation runs in. The toolkit's resolvers use
 * the same two, so the app and the toolkit refuse the same callers.
 */
export { checkProductAdmin, type AdminCheck } from './context/admin.js';
export { productFromInstallContext } from './context/product.js';
/**
 * Delivery modes: whether an app's manifest fits the mode it was built with (pure; problems as values),
 * and the Forge variable the collector's public key is read from.
 */
export { checkManifestForDelivery, type ManifestProblem } from './delivery/manifest-check.js';
export { collectorKeyVariable } from './delivery/options.js';
