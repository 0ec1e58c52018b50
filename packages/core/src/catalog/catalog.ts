import { z } from 'zod';
import { valueSchema, type FieldValue, type MetricEntry } from './entry.js';
import { builtInMetrics } from './metrics.js';
import { checkCatalog } from './check-catalog.js';
import { mergeTranslations, type CatalogTranslations } from './translations.js';

/**
 * A catalog is its entries plus the format version they make up: the highest `since` among them.
 * Adding a field with a higher `since` is what creates a new report format.
 */
export interface Catalog<V = unknown> {
  readonly entries: readonly MetricEntry<V>[];
  readonly formatVersion: number;
  readonly byKey: ReadonlyMap<string, MetricEntry<V>>;
}

/** A catalog that breaks the rules of checkCatalog; `problems` lists every one. */
export class CatalogError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`This usage-reporting catalog cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}

export interface CatalogOptions {
  /**
   * Translations delivered per language (`{ de: { 'sso.enforced': { description: '…' } } }`), merged
   * into the entries' own `translations`. Checked with the entries: a key the catalog lacks, an
   * empty text or a language given twice is a CatalogError.
   */
  translations?: CatalogTranslations;
}

/** Checks the entries (check-catalog.ts) and indexes them; throws CatalogError listing every problem. */
export function makeCatalog<V = unknown>(given: readonly MetricEntry<V>[], options: CatalogOptions = {}): Catalog<V> {
  const check = checkCatalog(given as readonly MetricEntry[], options.translations);
  if (!check.ok) throw new CatalogError(check.problems);
  const entries = options.translations ? mergeTranslations(given, options.translations) : given;
  const byKey = new Map(entries.map((e) => [e.key, e] as const));
  const formatVersion = Math.max(1, ...entries.map((e) => e.since));
  return { entries, formatVersion, byKey };
}

// Pure for bundlers: a bundle that never reads it (the admin page) leaves the built-in entries out.
export const metricCatalog: Catalog = /* @__PURE__ */ makeCatalog(builtInMetrics);

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
