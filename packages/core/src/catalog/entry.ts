import { z } from 'zod';
import { bucketLabels, bucketOf } from './buckets.js';
import type { Product } from '../api/product.js';
import type { CollectContext } from './context.js';
import type { EntryTranslations } from './translations.js';
import type { Category, Purpose } from './vocabulary.js';

/**
 * One catalog entry: everything a report field is. The value type decides the zod schema the report
 * uses for the field, so a free-form string has no type through which it could enter a report.
 */
export type ValueType =
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly [string, ...string[]] }
  | { kind: 'count' }
  | { kind: 'bucket' };

export type FieldValue = boolean | number | string;

export interface MetricEntry<V = unknown> {
  key: string;
  category: Category;
  valueType: ValueType;
  /** One sentence an admin can understand: what the field says about the site. */
  description: string;
  purpose: Purpose;
  /** The report-format version that added this field. */
  since: number;
  /**
   * The products whose sites have this field (Jira's projects, Confluence's spaces); left out, every
   * product. The admin page lists only the fields the installation's product can send.
   */
  products?: readonly Product[];
  /**
   * The description (and, for an enum, its values' labels) in other languages, by BCP 47 tag
   * (`de`, `ja`, `pt-BR`). For the admin page only: a report never carries them.
   */
  translations?: EntryTranslations;
  /**
   * Returns the field's value, or undefined when it does not apply (e.g. Jira counts in Confluence).
   * A method, not a property, so a catalog over the app's own facts (MetricEntry<MyFacts>) is still a
   * catalog wherever only its fields and value types matter (the collector, the admin page).
   */
  collect(ctx: CollectContext<V>): FieldValue | undefined;
}

interface Common {
  key: string;
  category: Category;
  description: string;
  purpose: Purpose;
  since: number;
  products?: readonly Product[];
  translations?: EntryTranslations;
}

export const booleanMetric = <V = unknown>(m: Common & { collect: (ctx: CollectContext<V>) => boolean | undefined }): MetricEntry<V> => ({
  ...m,
  valueType: { kind: 'boolean' }
});

export const enumMetric = <const T extends readonly [string, ...string[]], V = unknown>(
  values: T,
  m: Common & { collect: (ctx: CollectContext<V>) => T[number] | undefined }
): MetricEntry<V> => ({ ...m, valueType: { kind: 'enum', values } });

export const countMetric = <V = unknown>(m: Common & { collect: (ctx: CollectContext<V>) => number | undefined }): MetricEntry<V> => ({
  ...m,
  valueType: { kind: 'count' }
});

/** A bucket field collects an exact count and reports only its bucket: the exact count never leaves. */
export const bucketMetric = <V = unknown>(m: Common & { count: (ctx: CollectContext<V>) => number | undefined }): MetricEntry<V> => {
  const { count, ...rest } = m;
  return {
    ...rest,
    valueType: { kind: 'bucket' },
    collect: (ctx) => {
      const n = count(ctx);
      return n === undefined ? undefined : bucketOf(n);
    }
  };
};

/**
 * The four helpers bound to the app's own facts type, so every collect function reads `ctx.vendor`
 * as that type: `const { booleanMetric, bucketMetric } = metricHelpers<SsoFacts>();`.
 */
export function metricHelpers<V>() {
  return {
    booleanMetric: (m: Common & { collect: (ctx: CollectContext<V>) => boolean | undefined }) => booleanMetric<V>(m),
    enumMetric: <const T extends readonly [string, ...string[]]>(values: T, m: Common & { collect: (ctx: CollectContext<V>) => T[number] | undefined }) =>
      enumMetric<T, V>(values, m),
    countMetric: (m: Common & { collect: (ctx: CollectContext<V>) => number | undefined }) => countMetric<V>(m),
    bucketMetric: (m: Common & { count: (ctx: CollectContext<V>) => number | undefined }) => bucketMetric<V>(m)
  };
}

export function valueSchema(valueType: ValueType): z.ZodType<FieldValue> {
  switch (valueType.kind) {
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(valueType.values);
    case 'count':
      return z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
    case 'bucket':
      return z.enum(bucketLabels);
  }
}

/** Whether an installation in `product` can send this field: the entry names no products, or names this one. */
export const appliesTo = (entry: Pick<MetricEntry, 'products'>, product: Product): boolean => entry.products === undefined || entry.products.includes(product);
