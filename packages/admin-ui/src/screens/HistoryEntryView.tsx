import { useEffect, useRef, useState } from 'react';
import type { FieldInfo, HistoryEntryOutput } from '@usage-reporting/core/api';
import type { HistorySummary, VendorDeletion } from '@usage-reporting/core';
import { ExactBytesView, type SigningInfo } from '../components/ExactBytesView.js';
import { ReadableReportTable } from '../components/ReadableReportTable.js';
import { ReportDiffView } from '../components/ReportDiffView.js';
import { Tabs } from '../components/Tabs.js';
import { useI18n } from '../i18n/index.js';
import { parseReportText } from '../lib/parse-report-text.js';
import { mayCorrectOrRetract } from './history/chain.js';
import { ChainNotes } from './history/ChainNotes.js';
import { ReportRights } from './history/ReportRights.js';
import type { RightsOutcome } from './history/RightsOutcome.js';

type View = 'diff' | 'readable' | 'bytes';
const viewKeys: readonly View[] = ['diff', 'readable', 'bytes'];

/** The signature that went with the bytes, when the report left (reports sent before signing have none). */
function signingOf(receipt: HistoryEntryOutput['entry']['receipt']): SigningInfo | undefined {
  const signature = receipt?.signature;
  if (!signature) return undefined;
  const { keyFingerprint, ...sent } = signature;
  return { keyFingerprint, sent };
}

/**
 * One past report: how it links to its corrections, the admin's right to correct or retract it,
 * what changed since the one before, the readable table, and the exact bytes that left.
 */
export function HistoryEntryView({ detail, fields, history, vendorDeletion = null, onOpen, onRightsDone, focusHeading = false }: {
  detail: HistoryEntryOutput;
  fields: readonly FieldInfo[];
  /** The other reports, to name and open the ones this one is linked to. */
  history: readonly HistorySummary[];
  /** The site's request that the vendor delete all its data, if any: it covers the reports received before it. */
  vendorDeletion?: VendorDeletion | null;
  onOpen: (reportId: string) => void;
  onRightsDone: (outcome: RightsOutcome) => void;
  /** Opened by following a link from another report: the link is gone, so focus lands on this report. */
  focusHeading?: boolean;
}) {
  const { t, rich, formatDateTime } = useI18n();
  const views = viewKeys.map((key) => ({ key, label: t(`views.${key}`) }));
  const [view, setView] = useState<View>('diff');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  const current = parseReportText(detail.text);
  const previous = detail.previousText === null ? null : parseReportText(detail.previousText);
  const { entry } = detail;
  return (
    <>
      <h3 ref={heading} tabIndex={-1} data-testid="history-entry-title">
        {t(entry.trigger === 'correction' ? 'historyEntry.title.correction' : 'historyEntry.title.report', { time: formatDateTime(entry.sentAt ?? entry.createdAt) })}
      </h3>
      {entry.receipt && (
        <p>{rich('historyEntry.receipt', { receipt: <code>{entry.receipt.receiptId}</code>, time: formatDateTime(entry.receipt.receivedAt) })}</p>
      )}
      <ChainNotes entry={entry} history={history} vendorDeletion={vendorDeletion} onOpen={onOpen} />
      {mayCorrectOrRetract(entry, history, vendorDeletion) && <ReportRights entry={entry} fields={fields} onDone={onRightsDone} />}
      <Tabs id="history-entry" label={t('historyEntry.viewsLabel')} tabs={views} selected={view} onSelect={setView}>
        {view === 'bytes' && (
          <ExactBytesView bytes={detail.text} digest={entry.digest} fileName={`usage-report-${entry.reportId}.json`} signing={signingOf(entry.receipt)} />
        )}
        {view !== 'bytes' && !current.ok && (
          <p className="notice notice-error" role="alert">
            {t('historyEntry.unreadable', { problem: current.problem, tab: t('views.bytes') })}
          </p>
        )}
        {view === 'readable' && current.ok && <ReadableReportTable report={current.report} fields={fields} caption={t('historyEntry.readableCaption')} />}
        {view === 'diff' && current.ok && previous !== null && !previous.ok && (
          <p className="notice notice-warning" role="alert">
            {t('historyEntry.previousUnreadable', { problem: previous.problem })}
          </p>
        )}
        {view === 'diff' && current.ok && (previous === null || previous.ok) && (
          <ReportDiffView previous={previous?.ok ? previous.report : null} current={current.report} />
        )}
      </Tabs>
    </>
  );
}
