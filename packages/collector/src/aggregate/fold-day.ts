import type { Catalog } from '@usage-reporting/core';
import type { Purpose } from '@usage-reporting/core';
import { allPurposes } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import type { AggregateCell } from '../store/store.js';

/**
 * Folds one day of raw reports into aggregate cells that cannot be traced back to an installation.
 *
 * - Each installation counts once per day (its latest report), so a cell counts installations, not
 *   reports: a chatty installation cannot dominate, and a count never reveals how often one sent.
 * - A purpose an installation restricted, or did not consent to in the report, is left out for it.
 * - Cells hold counts only: no installation id, report id or time finer than the day.
 * - k-suppression: any cell with fewer than k installations is dropped. Then, per field, complementary
 *   suppression: if the dropped cells (plus installations that did not report the field) add up to
 *   between 1 and k-1 installations, the population minus the visible cells would reveal that small
 *   group, so the smallest visible cells are dropped too until the hidden group reaches k or nothing is
 *   left. Populations below k publish nothing.
 */
export const populationField = '$installations';
export const formatField = '$format';

export interface DayReport {
  installationId: string;
  receivedAt: string;
  report: Report;
}

export function foldDay(args: {
  day: string;
  reports: readonly DayReport[];
  restrictions: ReadonlyMap<string, readonly Purpose[]>;
  catalog: Catalog;
  k: number;
}): AggregateCell[] {
  const { day, catalog, k } = args;
  const latest = new Map<string, DayReport>();
  for (const r of args.reports) {
    const held = latest.get(r.installationId);
    if (!held || held.receivedAt < r.receivedAt || (held.receivedAt === r.receivedAt && held.report.reportId < r.report.reportId)) {
      latest.set(r.installationId, r);
    }
  }

  const cells: AggregateCell[] = [];
  for (const purpose of allPurposes) {
    const population = [...latest.values()].filter(
      (r) => r.report.purposes.includes(purpose) && !(args.restrictions.get(r.installationId) ?? []).includes(purpose)
    );
    if (population.length < k) continue;

    // field -> JSON value -> installations
    const counts = new Map<string, Map<string, number>>();
    const bump = (field: string, value: string) => {
      const byValue = counts.get(field) ?? new Map<string, number>();
      byValue.set(value, (byValue.get(value) ?? 0) + 1);
      counts.set(field, byValue);
    };
    for (const { report } of population) {
      // Adoption and the format mix are product-improvement questions.
      if (purpose === 'product-improvement') bump(formatField, JSON.stringify(report.format));
      for (const [key, value] of Object.entries(report.fields)) {
        if (catalog.byKey.get(key)?.purpose === purpose) bump(key, JSON.stringify(value));
      }
    }

    cells.push({ day, purpose, field: populationField, value: JSON.stringify('reporting'), installations: population.length });
    for (const [field, byValue] of counts) {
      for (const [value, installations] of suppress(byValue, population.length, k)) {
        cells.push({ day, purpose, field, value, installations });
      }
    }
  }
  return cells.sort((a, b) => cmp(a.purpose, b.purpose) || cmp(a.field, b.field) || cmp(a.value, b.value));
}

/** The cells of one field that may be published, given the purpose's population. */
export function suppress(byValue: ReadonlyMap<string, number>, population: number, k: number): Array<[string, number]> {
  const visible = [...byValue.entries()].filter(([, n]) => n >= k).sort((a, b) => a[1] - b[1] || cmp(a[0], b[0]));
  const hidden = () => population - visible.reduce((sum, [, n]) => sum + n, 0);
  while (visible.length > 0 && hidden() > 0 && hidden() < k) visible.shift();
  return visible;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
