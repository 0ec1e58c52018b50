import { z } from 'zod';
import { valueSchema, type FieldValue, type MetricEntry } from './entry.js';
import { builtInMetrics } from './metrics.js';

/**
 * A catalog is its entries plus the format version they make up: the highest `since` among them.
 * Adding a field with a higher `since` is what creates a new report format.
 */
export interface Catalog {
  readonly entries: readonly MetricEntry[];
  readonly formatVersion: number;
  readonly byKey: ReadonlyMap<string, MetricEntry>;
}

export function makeCatalog(entries: readonly MetricEntry[]): Catalog {
  const byKey = new Map<string, MetricEntry>();
  for (const e of entries) {
    if (byKey.has(e.key)) throw new Error(`Catalog key '${e.key}' is defined twice`);
    if (!/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/.test(e.key)) throw new Error(`Catalog key '${e.key}' is not a dotted camelCase name`);
    if (!Number.isInteger(e.since) || e.since < 1) throw new Error(`Catalog key '${e.key}' has an invalid 'since'`);
    byKey.set(e.key, e);
  }
  const formatVersion = Math.max(1, ...entries.map((e) => e.since));
  return { entries, formatVersion, byKey };
}

export const metricCatalog: Catalog = makeCatalog(builtInMetrics);

/** The report's `fields` object, derived from the catalog: every field optional, no other key allowed. */
export function fieldsSchema(catalog: Catalog): z.ZodType<Record<string, FieldValue>> {
  const shape: Record<string, z.ZodOptional<z.ZodType<FieldValue>>> = {};
  for (const e of catalog.entries) shape[e.key] = valueSchema(e.valueType).optional();
  return z.strictObject(shape).transform((o) => {
    const out: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
    return out;
  });
}

/** What the admin page shows per field: the catalog entry without its collect function. */
export interface FieldDescription {
  key: string;
  category: MetricEntry['category'];
  purpose: MetricEntry['purpose'];
  since: number;
  description: string;
  valueType: MetricEntry['valueType'];
}

export const describeField = (e: MetricEntry): FieldDescription => ({
  key: e.key,
  category: e.category,
  purpose: e.purpose,
  since: e.since,
  description: e.description,
  valueType: e.valueType
});
