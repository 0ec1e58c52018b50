import type { FieldInfo } from '../../shared/api/resolvers';
import type { MetricEntry } from '../../shared/catalog';

/** What the page shows about a catalog field: everything but its collect function. */
export const fieldInfo = (e: MetricEntry): FieldInfo => ({
  key: e.key,
  category: e.category,
  purpose: e.purpose,
  description: e.description,
  since: e.since,
  valueKind: e.valueType.kind
});
