import { z } from 'zod';
import { bucketLabels, bucketOf } from './buckets.js';
import type { CollectContext } from './context.js';
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

export interface MetricEntry {
  key: string;
  category: Category;
  valueType: ValueType;
  /** One sentence an admin can understand: what the field says about the site. */
  description: string;
  purpose: Purpose;
  /** The report-format version that added this field. */
  since: number;
  /** Returns the field's value, or undefined when it does not apply (e.g. Jira counts in Confluence). */
  collect: (ctx: CollectContext) => FieldValue | undefined;
}

interface Common {
  key: string;
  category: Category;
  description: string;
  purpose: Purpose;
  since: number;
}

export const booleanMetric = (m: Common & { collect: (ctx: CollectContext) => boolean | undefined }): MetricEntry => ({
  ...m,
  valueType: { kind: 'boolean' }
});

export const enumMetric = <const V extends readonly [string, ...string[]]>(
  values: V,
  m: Common & { collect: (ctx: CollectContext) => V[number] | undefined }
): MetricEntry => ({ ...m, valueType: { kind: 'enum', values } });

export const countMetric = (m: Common & { collect: (ctx: CollectContext) => number | undefined }): MetricEntry => ({
  ...m,
  valueType: { kind: 'count' }
});

/** A bucket field collects an exact count and reports only its bucket: the exact count never leaves. */
export const bucketMetric = (m: Common & { count: (ctx: CollectContext) => number | undefined }): MetricEntry => {
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
