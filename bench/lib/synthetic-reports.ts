import { randomUUID } from 'node:crypto';
import { metricCatalog, type Catalog } from '@usage-reporting/core';
import { bucketLabels } from '@usage-reporting/core';
import type { FieldValue, MetricEntry } from '@usage-reporting/core';
import type { Purpose } from '@usage-reporting/core';
import { canonicalJson } from '@usage-reporting/core';
import { sha256Hex } from '@usage-reporting/core/node';
import { formatName, reportSchemaFor, type Report } from '@usage-reporting/core';

/**
 * Reports like the ones installations send, built from the catalog and checked against the shared
 * report schema, so the bench ingests what the app produces and not a shape of its own.
 */

export { seededRandom } from '@usage-reporting/forge-sim';

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

// Site counts exist in one product only; a Jira site reports no Confluence scale and vice versa.
const onlyIn: Record<string, 'jira' | 'confluence'> = {
  'site.projects': 'jira',
  'site.issueTypes': 'jira',
  'site.issues': 'jira',
  'site.customFields': 'jira',
  'site.spaces': 'confluence',
  'site.pages': 'confluence',
  'site.blogposts': 'confluence'
};

function valueFor(entry: MetricEntry, rand: () => number): FieldValue {
  switch (entry.valueType.kind) {
    case 'boolean':
      return rand() < 0.3;
    case 'enum':
      return pick(rand, entry.valueType.values);
    case 'count':
      return Math.floor(rand() * 12);
    case 'bucket':
      return pick(rand, bucketLabels.slice(0, 7));
  }
}

const purposeMixes: ReadonlyArray<readonly Purpose[]> = [
  ['product-improvement', 'troubleshooting'],
  ['product-improvement', 'troubleshooting'],
  ['product-improvement', 'troubleshooting'],
  ['troubleshooting'],
  ['product-improvement']
];

export interface SyntheticReport {
  report: Report;
  /** The canonical bytes the app sends and the collector stores. */
  bytes: string;
  digest: string;
}

export function syntheticReport(args: { rand: () => number; installationId: string; generatedAt: Date; catalog?: Catalog }): SyntheticReport {
  const { rand, installationId, generatedAt } = args;
  const catalog = args.catalog ?? metricCatalog;
  // Most installations run the newest format; some have not updated the app.
  const version = catalog.formatVersion > 1 && rand() < 0.3 ? catalog.formatVersion - 1 : catalog.formatVersion;
  const purposes = [...pick(rand, purposeMixes)];
  const product = rand() < 0.6 ? 'jira' : 'confluence';
  const fields: Record<string, FieldValue> = {};
  for (const entry of catalog.entries) {
    if (entry.since > version || !purposes.includes(entry.purpose)) continue;
    const only = onlyIn[entry.key];
    if (only !== undefined && only !== product) continue;
    fields[entry.key] = entry.key === 'site.product' ? product : valueFor(entry, rand);
  }
  const to = new Date(generatedAt.getTime() - 24 * 60 * 60 * 1000);
  const from = new Date(to.getTime() - 6 * 24 * 60 * 60 * 1000);
  const draft = {
    fields,
    format: formatName(version),
    generatedAt: generatedAt.toISOString(),
    installationId,
    period: { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) },
    purposes,
    reportId: randomUUID(),
    withheld: []
  };
  // Parse, not cast: a generator bug must fail the bench, not measure the collector refusing reports.
  const report = reportSchemaFor(catalog).parse(draft);
  const bytes = canonicalJson(report);
  return { report, bytes, digest: sha256Hex(bytes) };
}
