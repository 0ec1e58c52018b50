import type { FieldValue } from '@usage-reporting/core';

export interface FieldDiff {
  added: Array<{ key: string; value: FieldValue }>;
  removed: Array<{ key: string; value: FieldValue }>;
  changed: Array<{ key: string; from: FieldValue; to: FieldValue }>;
}

/** How a report's fields differ from the previous report's; the first report has everything added. */
export function diffFields(previous: Readonly<Record<string, FieldValue>> | undefined, next: Readonly<Record<string, FieldValue>>): FieldDiff {
  const prev = previous ?? {};
  const keys = [...new Set([...Object.keys(prev), ...Object.keys(next)])].sort();
  const diff: FieldDiff = { added: [], removed: [], changed: [] };
  for (const key of keys) {
    const a = prev[key];
    const b = next[key];
    if (a === undefined && b !== undefined) diff.added.push({ key, value: b });
    else if (a !== undefined && b === undefined) diff.removed.push({ key, value: a });
    else if (a !== undefined && b !== undefined && a !== b) diff.changed.push({ key, from: a, to: b });
  }
  return diff;
}
