import type { Catalog } from '../catalog/index.js';
import { describeHits, scanForPersonalData } from '../report/privacy-guard.js';
import { formatName } from '../report/schema.js';

export type GuardResult = { ok: true } | { ok: false; code: 'PRIVACY_BLOCKED'; message: string };

/**
 * The privacy scan every report passes before it is previewed and again before each transmission:
 * the only strings allowed to look like ids are the report's own reportId and installationId, the
 * catalog's keys and its format names (`usage-report/100` has the shape of a token). Re-scanning stored bytes at send time means a value planted in storage after the
 * preview still cannot leave.
 */
export function guardReport(
  report: { reportId: string; installationId: string },
  siteHosts: readonly string[],
  catalog: Catalog
): GuardResult {
  const hits = scanForPersonalData(report, {
    siteHosts,
    allowed: new Set([
      report.installationId,
      report.reportId,
      ...catalog.entries.map((e) => e.key),
      ...Array.from({ length: catalog.formatVersion }, (_, i) => formatName(i + 1))
    ])
  });
  return hits.length === 0 ? { ok: true } : { ok: false, code: 'PRIVACY_BLOCKED', message: describeHits(hits) };
}
