import type { FieldInfo } from '@usage-reporting/core/api';
import type { FieldValue } from '@usage-reporting/core';
import type { Report, WithheldReason } from '@usage-reporting/core';
import { compareCanonicalKeys } from '@usage-reporting/core';
import { createI18n, type I18n } from '../i18n/i18n.js';

const english = createI18n();

/**
 * One line of the readable view: a field of the report, or a field the report withholds.
 * Built from the parsed report bytes and the backend's field descriptions, so the readable view
 * can show nothing the bytes do not say. `field` is null only for a key the backend does not
 * describe; the row stays, because hiding it would hide what is sent.
 */
export type ReadableRow =
  | { kind: 'sent'; key: string; field: FieldInfo | null; value: FieldValue }
  | { kind: 'withheld'; key: string; field: FieldInfo | null; reason: WithheldReason };

export function readableRows(report: Report, fields: readonly FieldInfo[]): ReadableRow[] {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const describe = (key: string) => byKey.get(key) ?? null;
  const rows: ReadableRow[] = [
    ...Object.entries(report.fields).map(([key, value]): ReadableRow => ({ kind: 'sent', key, field: describe(key), value })),
    ...report.withheld.map(({ key, reason }): ReadableRow => ({ kind: 'withheld', key, field: describe(key), reason }))
  ];
  // In the exact bytes' order, so the admin reads both views alike.
  return rows.sort((a, b) => compareCanonicalKeys(a.key, b.key));
}

/** A field's value in the admin's words: yes/no and numbers in the locale; enum and bucket values as the report carries them. */
export function formatValue(value: FieldValue, i18n: Pick<I18n, 't' | 'formatNumber'> = english): string {
  if (typeof value === 'boolean') return i18n.t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return i18n.formatNumber(value);
  return value;
}
