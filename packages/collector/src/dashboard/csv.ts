import type { AggregateCell } from '../store/store.js';

/**
 * One field's published aggregate cells as CSV (RFC 4180), for the vendor's spreadsheet or BI tool.
 * Only what the dashboard shows leaves: cells of at least k installations, each with its purpose. The
 * value column is the value as people read it (cloud, true, 3); `value_json` keeps the exact JSON text
 * the aggregates hold, so a boolean true and the label "true" stay distinct for a program.
 */
export const csvHeader = ['day', 'purpose', 'field', 'value', 'value_json', 'installations'] as const;

export function aggregatesCsv(cells: readonly AggregateCell[]): string {
  const rows = cells.map((c) => [c.day, c.purpose, c.field, readable(c.value), c.value, String(c.installations)]);
  return [csvHeader, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const readable = (json: string): string => {
  const value: unknown = JSON.parse(json);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/**
 * Quotes a cell when it holds a comma, quote or line break. A cell a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe: catalog values are closed
 * tokens today, but an export must not become a way to run formulas on the vendor's machine tomorrow.
 * A number, negative ones included, is left as it is.
 */
export function csvCell(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** `usage-<field>-<from>-to-<to>.csv`, with the field's dots kept and anything else unusual replaced. */
export const csvFileName = (field: string, fromDay: string, toDay: string): string =>
  `usage-${field.replace(/[^A-Za-z0-9._-]/g, '_')}-${fromDay}-to-${toDay}.csv`;
