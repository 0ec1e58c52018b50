import { useCallback, useEffect, useState } from 'react';
import type { AdminPageOutput, HistoryEntry } from '@usage-reporting/core/api';
import type { HistorySummary, ReportStatus, VendorDeletion } from '@usage-reporting/core';
import { useClient } from '../api/client-context.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Loading } from '../components/Loading.js';
import { formatTime } from '../components/PreviewPanel.js';
import { SupportDetails } from '../components/SupportDetails.js';
import { useAction } from '../hooks/useAction.js';
import { HistoryEntryView } from './HistoryEntryView.js';
import { chainOf, vendorDeletionOf } from './history/chain.js';
import { RightsOutcomeNotice, type RightsOutcome } from './history/RightsOutcome.js';

const statusLabel: Record<ReportStatus, string> = {
  pending: 'Waiting to be sent',
  sent: 'Sent',
  rejected: 'Refused by the vendor',
  cancelled: 'Cancelled'
};
const triggerLabel: Record<HistorySummary['trigger'], string> = {
  'per-case': 'Sent by an admin',
  automatic: 'Automatic',
  correction: 'Correction of an earlier report'
};

/** A report the vendor no longer counts says so in place of "Sent": that is what matters about it now. */
function statusWords(h: HistoryEntry, deletion: VendorDeletion | null): string {
  if (h.delivery?.mode === 'manual') {
    // Manual delivery: "handed over" is what the site did; only a verified receipt says the vendor has it.
    if (h.status === 'pending') return h.delivery.handedOverAt ? `Handed over ${formatTime(h.delivery.handedOverAt)}` : 'Ready to hand over';
    if (h.status === 'sent' && h.delivery.answer && !h.retraction && !vendorDeletionOf(h, deletion) && !h.supersededBy) return 'Acknowledged by the vendor';
  }
  if (h.retraction) return `Retracted ${formatTime(h.retraction.retractedAt)}`;
  const deleted = vendorDeletionOf(h, deletion);
  if (deleted) return `Deleted by the vendor ${formatTime(deleted.at)}`;
  if (h.supersededBy) return `Corrected ${formatTime(h.supersededBy.at)}`;
  return statusLabel[h.status];
}

/** Every report that left (or was queued to leave) this site, most recent first. */
export function HistoryTab({ page, refresh }: { page: AdminPageOutput; refresh: () => Promise<void> }) {
  const client = useClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const [followed, setFollowed] = useState(false);
  const [outcome, setOutcome] = useState<RightsOutcome | null>(null);
  const entry = useAction(useCallback((reportId: string) => client.getHistoryEntry({ reportId }), [client]));
  // The first screen's history is enough for the list; this adds what retention removed, which only getHistory knows.
  const full = useAction(useCallback(() => client.getHistory({}), [client]));
  const loadFull = full.start;
  useEffect(() => {
    void loadFull(undefined);
  }, [loadFull, page.history.length]);
  const purged = full.state.status === 'done' ? full.state.data.purgedReports : 0;
  const purgedNote =
    purged > 0 ? (
      <p className="subtle" data-testid="history-purged">
        {purged === 1 ? '1 older report was' : `${purged} older reports were`} removed from this history by your retention setting.
      </p>
    ) : null;

  const open = (reportId: string, byLink = false) => {
    setOpenId(reportId);
    setFollowed(byLink);
    setOutcome(null);
    void entry.start(reportId);
  };

  // The vendor's answer stays in view while the list and the open report are read again.
  const rightsDone = async (reportId: string, next: RightsOutcome) => {
    setOutcome(next);
    setFollowed(false);
    await refresh();
    await entry.start(reportId);
  };

  if (page.history.length === 0) {
    return (
      <>
        <p data-testid="history-empty">No reports have been sent from this site yet.</p>
        {purgedNote}
      </>
    );
  }
  return (
    <div className="history-tab">
      <table className="data-table history-table">
        <caption>Reports sent from this site, most recent first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Mode</th>
            <th scope="col">Status</th>
            <th scope="col">Receipt</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {page.history.map((h) => (
            <tr
              key={h.reportId}
              data-report-id={h.reportId}
              data-status={h.status}
              data-trigger={h.trigger}
              data-chain={chainOf(h) ?? undefined}
              data-vendor-deleted={vendorDeletionOf(h, page.vendorDeletion) ? 'true' : undefined}
            >
              <th scope="row" data-label="Date">
                {formatTime(h.sentAt ?? h.createdAt)}
              </th>
              <td data-label="Mode">{triggerLabel[h.trigger]}</td>
              <td data-label="Status">
                {statusWords(h, page.vendorDeletion)}
                {h.lastError && h.status !== 'sent' && <SupportDetails text={h.lastError} />}
              </td>
              <td data-label="Receipt">
                {h.receipt ? <code>{h.receipt.receiptId}</code> : <span className="subtle">None yet</span>}
                {h.delivery?.answer && (
                  <span className="subtle receipt-key" data-testid="receipt-key">
                    {' '}
                    signed with collector key <code>{h.delivery.answer.collectorKeyFingerprint}</code>
                  </span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button button-subtle"
                  aria-expanded={openId === h.reportId}
                  aria-label={`Show the report of ${formatTime(h.sentAt ?? h.createdAt)}`}
                  onClick={() => (openId === h.reportId ? setOpenId(null) : open(h.reportId))}
                >
                  {openId === h.reportId ? 'Hide' : 'Show'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {purgedNote}
      {openId && (
        <section className="history-entry" aria-label="Selected report" data-testid="history-entry">
          {outcome && <RightsOutcomeNotice outcome={outcome} />}
          {entry.state.status === 'running' && <Loading label="Loading the report" />}
          {entry.state.status === 'failed' && <ErrorMessage error={entry.state.error} title="The report could not be loaded" />}
          {entry.state.status === 'done' && entry.state.data.entry.reportId === openId && (
            <HistoryEntryView
              key={openId}
              detail={entry.state.data}
              fields={page.fields}
              history={page.history}
              vendorDeletion={page.vendorDeletion}
              focusHeading={followed}
              onOpen={(reportId) => open(reportId, true)}
              onRightsDone={(next) => void rightsDone(openId, next)}
            />
          )}
        </section>
      )}
    </div>
  );
}
