import type { Catalog } from '@usage-reporting/core';
import { classify, type PrivacyHit, type PrivacyHitKind } from '@usage-reporting/core';

/**
 * The app's privacy guard (packages/core/src/report/privacy-guard.ts, run as packages/core/src/reporting/report-guard.ts runs it:
 * the report's own two ids and the catalog's keys allowed), walking the report the same way and
 * naming hits with the same paths. What differs is speed: nearly every string in a report is one of a
 * few hundred enum labels, buckets, dates and format names, so each distinct string is classified
 * once per process instead of once per report (a full scan was ~0.1 ms of the event loop per report).
 * Strings holding something uuid-shaped are never cached: whether they pass depends on the report's
 * own ids. The collector does not know the site's hosts, so none are given.
 */
const maxCached = 50_000;
const uuidShaped = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

type ScannedReport = { installationId: string; reportId: string };

/**
 * The path as a stack of steps, spelled out only for a hit: nearly every report has none, and
 * building a path string for each of its values cost more than classifying them from the cache.
 */
const pathOf = (steps: ReadonlyArray<string | number>): string => `$${steps.map((s) => (typeof s === 'number' ? `[${s}]` : `[${JSON.stringify(s)}]`)).join('')}`;

export function privacyScanner(catalog: Catalog): (report: ScannedReport) => PrivacyHit[] {
  const catalogKeys = new Set(catalog.entries.map((e) => e.key));
  const cache = new Map<string, PrivacyHitKind | null>();

  const kindOf = (text: string, report: ScannedReport): PrivacyHitKind | undefined => {
    if (text === report.installationId || text === report.reportId) return undefined;
    // The cache first: it never holds a uuid-shaped string, so a hit needs no pattern test.
    const held = cache.get(text);
    if (held !== undefined) return held ?? undefined;
    if (uuidShaped.test(text)) return classify(text, { siteHosts: [], allowed: new Set([report.installationId, report.reportId, ...catalogKeys]) });
    const kind = classify(text, { siteHosts: [], allowed: catalogKeys });
    // A flood of distinct strings only costs the cache, never a decision.
    if (cache.size >= maxCached) cache.clear();
    cache.set(text, kind ?? null);
    return kind;
  };

  // Built once per scanner, not per report: the walk is recursive and runs for every report received.
  const walk = (value: unknown, report: ScannedReport, steps: Array<string | number>, hits: PrivacyHit[]): void => {
    if (typeof value === 'string') {
      const kind = kindOf(value, report);
      if (kind) hits.push({ path: pathOf(steps), kind });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        steps.push(i);
        walk(value[i], report, steps, hits);
        steps.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        steps.push(k);
        const keyKind = kindOf(k, report);
        if (keyKind) hits.push({ path: `${pathOf(steps)} (key)`, kind: keyKind });
        walk(v, report, steps, hits);
        steps.pop();
      }
    }
  };

  return (report) => {
    const hits: PrivacyHit[] = [];
    walk(report, report, [], hits);
    return hits;
  };
}
