import { fail, ok, type Envelope } from '../../shared/api/envelope';
import type { FieldValue } from '../../shared/catalog';
import type { HistorySummary } from '../../shared/report/records';
import { diffFields, type FieldDiff } from '../core/history-diff';
import type { ReportRecord } from '../store/records';
import { loadReports } from '../store/repositories';

export const toSummary = (r: ReportRecord): HistorySummary => {
  const { text: _text, ...summary } = r;
  return summary;
};

export interface HistoryEntryView {
  summary: HistorySummary;
  /** The exact bytes that left (or were queued to leave), as text. */
  text: string;
  /** Difference from the previous report that left the site. */
  diff: FieldDiff;
  previousReportId: string | null;
}

export async function getHistory(): Promise<HistorySummary[]> {
  return (await loadReports()).map(toSummary).reverse();
}

export async function getHistoryEntry(reportId: string): Promise<Envelope<HistoryEntryView>> {
  const reports = await loadReports();
  const index = reports.findIndex((r) => r.reportId === reportId);
  const record = reports[index];
  if (!record) return fail('NOT_FOUND', 'No report with this id is in the history (it may have been purged).');
  const previous = reports.slice(0, index).reverse().find((r) => r.status === 'sent');
  return ok({
    summary: toSummary(record),
    text: record.text,
    diff: diffFields(previous ? fieldsOf(previous.text) : undefined, fieldsOf(record.text)),
    previousReportId: previous?.reportId ?? null
  });
}

function fieldsOf(text: string): Record<string, FieldValue> {
  const value: unknown = JSON.parse(text);
  const fields: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'fields') : undefined;
  const out: Record<string, FieldValue> = {};
  if (typeof fields !== 'object' || fields === null) return out;
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') out[k] = v;
  }
  return out;
}
