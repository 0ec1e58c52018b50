import { useState } from 'react';
import type { FieldInfo, HistoryEntryOutput } from '../../../../shared/api/resolvers';
import { ExactBytesView, type SigningInfo } from '../components/ExactBytesView';
import { formatTime } from '../components/PreviewPanel';
import { ReadableReportTable } from '../components/ReadableReportTable';
import { ReportDiffView } from '../components/ReportDiffView';
import { Tabs } from '../components/Tabs';
import { parseReportText } from '../lib/parse-report-text';

type View = 'diff' | 'readable' | 'bytes';
const views = [
  { key: 'diff', label: 'Changes since the previous report' },
  { key: 'readable', label: 'Readable view' },
  { key: 'bytes', label: 'Exact bytes' }
] as const;

/** The signature that went with the bytes, when the report left (reports sent before signing have none). */
function signingOf(receipt: HistoryEntryOutput['entry']['receipt']): SigningInfo | undefined {
  const signature = receipt?.signature;
  if (!signature) return undefined;
  const { keyFingerprint, ...sent } = signature;
  return { keyFingerprint, sent };
}

/** One past report: what changed since the one before, the readable table, and the exact bytes that left. */
export function HistoryEntryView({ detail, fields }: { detail: HistoryEntryOutput; fields: readonly FieldInfo[] }) {
  const [view, setView] = useState<View>('diff');
  const current = parseReportText(detail.text);
  const previous = detail.previousText === null ? null : parseReportText(detail.previousText);
  const { entry } = detail;
  return (
    <>
      <h3>Report of {formatTime(entry.sentAt ?? entry.createdAt)}</h3>
      {entry.receipt && (
        <p>
          Receipt <code>{entry.receipt.receiptId}</code>, received by the vendor {formatTime(entry.receipt.receivedAt)}.
        </p>
      )}
      <Tabs id="history-entry" label="Past report views" tabs={views} selected={view} onSelect={setView}>
        {view === 'bytes' && (
          <ExactBytesView bytes={detail.text} digest={entry.digest} fileName={`usage-report-${entry.reportId}.json`} signing={signingOf(entry.receipt)} />
        )}
        {view !== 'bytes' && !current.ok && (
          <p className="notice notice-error" role="alert">
            This report cannot be read as a table ({current.problem}). Its exact bytes are under “Exact bytes”.
          </p>
        )}
        {view === 'readable' && current.ok && <ReadableReportTable report={current.report} fields={fields} caption="Every field of this report" />}
        {view === 'diff' && current.ok && previous !== null && !previous.ok && (
          <p className="notice notice-warning" role="alert">
            The previous report cannot be read ({previous.problem}), so no comparison is shown.
          </p>
        )}
        {view === 'diff' && current.ok && (previous === null || previous.ok) && (
          <ReportDiffView previous={previous?.ok ? previous.report : null} current={current.report} />
        )}
      </Tabs>
    </>
  );
}
