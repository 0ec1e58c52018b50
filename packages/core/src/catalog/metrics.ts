import type { CollectContext } from './context.js';
import { booleanMetric, bucketMetric, countMetric, enumMetric, type MetricEntry } from './entry.js';
import type { MeterEvent } from './meter-events.js';
import { cadences, consentModes, environments, licenceStates, type SiteCount } from './vocabulary.js';

/**
 * Every field a report may contain. Adding a metric is one entry here (see "Adding a metric" in README.md).
 * Give a new entry `since: <current format + 1>`: existing consents then withhold it until the admin accepts.
 */
const versionPart = (index: 0 | 1) => (ctx: CollectContext) => {
  const match = /^(\d{1,6})\.(\d{1,6})(?:\.\d{1,6})?(?:[-+].*)?$/.exec(ctx.facts.app.version);
  return match ? Number(match[index + 1]) : undefined;
};
const siteCount = (kind: SiteCount) => (ctx: CollectContext) => ctx.facts.counts[kind];
const usage = (event: MeterEvent) => (ctx: CollectContext) => ctx.facts.usage[event] ?? 0;

export const builtInMetrics: readonly MetricEntry[] = [
  countMetric({
    key: 'app.versionMajor', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'The major version number of the app installed on the site.',
    collect: versionPart(0)
  }),
  countMetric({
    key: 'app.versionMinor', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'The minor version number of the app installed on the site.',
    collect: versionPart(1)
  }),
  enumMetric(environments, {
    key: 'app.environment', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether the app runs as a production, staging or development installation.',
    collect: (ctx) => ctx.facts.app.environment
  }),
  enumMetric(licenceStates, {
    key: 'app.licence', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Whether the app licence is active, in evaluation, inactive, or absent (free app).',
    collect: (ctx) => ctx.facts.app.licence
  }),
  enumMetric(['jira', 'confluence'] as const, {
    key: 'site.product', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Which Atlassian product the app runs in: Jira or Confluence.',
    collect: (ctx) => ctx.facts.product
  }),
  bucketMetric({
    key: 'site.projects', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many Jira projects the site has, as a range such as 11-50.',
    count: siteCount('projects')
  }),
  bucketMetric({
    key: 'site.issueTypes', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many Jira issue types the site defines, as a range.',
    count: siteCount('issueTypes')
  }),
  bucketMetric({
    key: 'site.issues', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many Jira issues the site holds, as a range.',
    count: siteCount('issues')
  }),
  // Format 2 added the custom-field and blog-post scale: installations that accepted format 1 withhold them until acceptFormat(2).
  bucketMetric({
    key: 'site.customFields', category: 'configuration', purpose: 'product-improvement', since: 2,
    description: 'Roughly how many custom fields the Jira site defines, as a range.',
    count: siteCount('customFields')
  }),
  bucketMetric({
    key: 'site.spaces', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many Confluence spaces the site has, as a range.',
    count: siteCount('spaces')
  }),
  bucketMetric({
    key: 'site.pages', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many Confluence pages the site holds, as a range.',
    count: siteCount('pages')
  }),
  bucketMetric({
    key: 'site.blogposts', category: 'configuration', purpose: 'product-improvement', since: 2,
    description: 'Roughly how many Confluence blog posts the site holds, as a range.',
    count: siteCount('blogposts')
  }),
  enumMetric(consentModes, {
    key: 'config.consentMode', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'How the admin chose to share reports: per case or automatically.',
    collect: (ctx) => ctx.config.mode
  }),
  enumMetric(cadences, {
    key: 'config.cadence', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'How often automatic reports are sent: weekly or monthly.',
    collect: (ctx) => ctx.config.cadence
  }),
  booleanMetric({
    key: 'config.restrictionsActive', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether the admin excluded any category or field from reports.',
    collect: (ctx) => ctx.config.restrictionsActive
  }),
  booleanMetric({
    key: 'config.purposesNarrowed', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether the admin limited the purposes reports may be used for.',
    collect: (ctx) => ctx.config.purposesNarrowed
  }),
  countMetric({
    key: 'usage.adminPageOpened', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many times admins opened this settings page during the period.',
    collect: usage('admin.page.opened')
  }),
  countMetric({
    key: 'usage.reportsPreviewed', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many report previews admins looked at during the period.',
    collect: usage('report.previewed')
  }),
  countMetric({
    key: 'usage.reportsSent', category: 'usage', purpose: 'troubleshooting', since: 1,
    description: 'How many reports left the site during the period.',
    collect: usage('report.sent')
  }),
  countMetric({
    key: 'usage.consentChanges', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many times admins changed the sharing settings during the period.',
    collect: usage('consent.changed')
  }),
  countMetric({
    key: 'usage.dataExports', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'How many times admins exported the data the app stores on the site.',
    collect: usage('data.exported')
  })
];
