import { metricCatalog, type Catalog } from '@usage-reporting/core';
import { bucketLabels } from '@usage-reporting/core';
import type { MetricEntry } from '@usage-reporting/core';
import { allPurposes } from '@usage-reporting/core';
import { formatName } from '@usage-reporting/core';
import { formatField, populationField } from '@usage-reporting/collector';
import type { AggregateCell, CollectorStore } from '@usage-reporting/collector';
import { seededRandom } from './synthetic-reports';

/**
 * Daily aggregates as a large fleet produces them: every value every catalog field can take is held
 * by at least k installations on every day, so no cell is suppressed and the table is as large as
 * the catalog allows (the "two years of the full catalog"). Written through the store port,
 * one day per transaction, as the retention job writes them.
 */
const countValues = 12;

function valuesOf(entry: MetricEntry): unknown[] {
  switch (entry.valueType.kind) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return [...entry.valueType.values];
    case 'bucket':
      return [...bucketLabels];
    case 'count':
      return Array.from({ length: countValues }, (_, i) => i);
  }
}

export function aggregateDay(day: string, rand: () => number, catalog: Catalog = metricCatalog): AggregateCell[] {
  const cells: AggregateCell[] = [];
  for (const purpose of allPurposes) {
    const population = 2_000 + Math.floor(rand() * 500);
    cells.push({ day, purpose, field: populationField, value: JSON.stringify('reporting'), installations: population });
    const fields: Array<[string, unknown[]]> = catalog.entries.filter((e) => e.purpose === purpose).map((e) => [e.key, valuesOf(e)]);
    if (purpose === 'product-improvement') fields.unshift([formatField, Array.from({ length: catalog.formatVersion }, (_, i) => formatName(i + 1))]);
    for (const [field, values] of fields) {
      for (const value of values) cells.push({ day, purpose, field, value: JSON.stringify(value), installations: 5 + Math.floor(rand() * (population / values.length)) });
    }
  }
  return cells;
}

/** Writes `days` days of aggregates ending on `lastDay`; returns the number of cells written. */
export async function seedAggregates(store: CollectorStore, args: { lastDay: string; days: number; seed: number }): Promise<number> {
  const rand = seededRandom(args.seed);
  const last = Date.parse(`${args.lastDay}T00:00:00.000Z`);
  let cells = 0;
  for (let i = args.days - 1; i >= 0; i--) {
    const day = new Date(last - i * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const held = aggregateDay(day, rand);
    await store.replaceDayAggregates({ day, generation: 0 }, held);
    cells += held.length;
  }
  return cells;
}
