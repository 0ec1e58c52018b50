import type { FieldInfo } from '@usage-reporting/core/api';
import type { MetricEntry } from '@usage-reporting/core';

/** What the page shows about a catalog field: everything but its collect function. */
export const fieldInfo = (e: MetricEntry): FieldInfo => ({
  key: e.key,
  category: e.category,
  purpose: e.purpose,
  description: e.description,
  since: e.since,
  valueKind: e.valueType.kind,
  // Every language the catalog has: the page shows the admin's (a few KB for the reference catalog).
  ...(e.translations && Object.keys(e.translations).length > 0 ? { translations: e.translations } : {})
});
