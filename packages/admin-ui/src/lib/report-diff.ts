/**
 * What changed between two sent reports, field by field, for the history's readable diff.
 * Works on the parsed reports themselves, so the diff describes exactly the bytes that were sent.
 */
export type DiffValue = boolean | number | string;

export interface DiffableReport {
  format: string;
  purposes: readonly string[];
  fields: Readonly<Record<string, DiffValue>>;
  withheld: readonly { key: string; reason: string }[];
}

export type FieldChange =
  | { kind: 'added'; key: string; after: DiffValue }
  | { kind: 'removed'; key: string; before: DiffValue; withheldBecause: string | null }
  | { kind: 'changed'; key: string; before: DiffValue; after: DiffValue }
  | { kind: 'unchanged'; key: string; value: DiffValue };

export interface ReportDiff {
  format: { before: string; after: string } | null;
  purposes: { before: readonly string[]; after: readonly string[] } | null;
  fields: FieldChange[];
  /** True when nothing a reader would care about differs. */
  identical: boolean;
}

export function diffReports(before: DiffableReport, after: DiffableReport): ReportDiff {
  const keys = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])].sort();
  const withheldNow = new Map(after.withheld.map((w) => [w.key, w.reason]));
  const fields = keys.map((key): FieldChange => {
    const was = before.fields[key];
    const is = after.fields[key];
    if (was !== undefined && is !== undefined) {
      return was === is ? { kind: 'unchanged', key, value: is } : { kind: 'changed', key, before: was, after: is };
    }
    if (is !== undefined) return { kind: 'added', key, after: is };
    if (was !== undefined) return { kind: 'removed', key, before: was, withheldBecause: withheldNow.get(key) ?? null };
    throw new Error(`diffReports: key ${key} is in neither report`);
  });
  const format = before.format === after.format ? null : { before: before.format, after: after.format };
  const purposes = sameMembers(before.purposes, after.purposes) ? null : { before: before.purposes, after: after.purposes };
  return { format, purposes, fields, identical: !format && !purposes && fields.every((f) => f.kind === 'unchanged') };
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
