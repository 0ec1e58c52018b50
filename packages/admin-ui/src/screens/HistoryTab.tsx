import { useCallback, useEffect, useState } from 'react';
import type { AdminPageOutput, HistoryEntry } from '@usage-reporting/core/api';
import type { VendorDeletion } from '@usage-reporting/core';
import { useClient } from '../api/client-context.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Loading } from '../components/Loading.js';
import { Lozenge, type LozengeAppearance } from '../components/Lozenge.js';
import { SupportDetails } from '../components/SupportDetails.js';
import { useAction } from '../hooks/useAction.js';
import { useI18n, type I18n } from '../i18n/index.js';
import { HistoryEntryView } from './HistoryEntryView.js';
import { chainOf, vendorDeletionOf } from './history/chain.js';
import { RightsOutcomeNotice, type RightsOutcome } from './history/RightsOutcome.js';

/** A report the vendor no longer counts says so in place of "Sent": that is what matters about it now. */
function statusWords({ t, formatDateTime }: I18n, h: HistoryEntry, deletion: VendorDeletion | null): string {
  if (h.delivery?.mode === 'manual') {
    // Manual delivery: "handed over" is what the site did; only a verified receipt says the vendor has it.
    if (h.status === 'pending')
      return h.delivery.handedOverAt ? t('history.status.handedOver', { time: formatDateTime(h.delivery.handedOverAt) }) : t('history.status.readyToHandOver');
    if (h.status === 'sent' && h.delivery.answer && !h.retraction && !vendorDeletionOf(h, deletion) && !h.supersededBy) return t('history.status.acknowledged');
  }
  if (h.retraction) return t('history.status.retracted', { time: formatDateTime(h.retraction.retractedAt) });
  const deleted = vendorDeletionOf(h, deletion);
  if (deleted) return t('history.status.vendorDeleted', { time: formatDateTime(deleted.at) });
  if (h.supersededBy) return t('history.status.corrected', { time: formatDateTime(h.supersededBy.at) });
  return t(`history.status.${h.status}`);
}

/** The status's colour, as statusWords decides its words: a report that no longer counts is grey whatever its delivery. */
function statusAppearance(h: HistoryEntry, deletion: VendorDeletion | null): LozengeAppearance {
  if (h.retraction || vendorDeletionOf(h, deletion) || h.supersededBy) return 'default';
  const byStatus = { pending: 'inprogress', sent: 'success', rejected: 'removed', cancelled: 'default' } as const;
  return byStatus[h.status];
}

/** Every report that left (or was queued to leave) this site, most recent first. */
export function HistoryTab({ page, refresh }: { page: AdminPageOutput; refresh: () => Promise<void> }) {
  const client = useClient();
  const i18n = useI18n();
  const { t, rich, formatDateTime } = i18n;
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
        {t('history.purged', { count: purged })}
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
        <p data-testid="history-empty">{t('history.empty')}</p>
        {purgedNote}
      </>
    );
  }
  return (
    <div className="history-tab">
      <table className="data-table history-table">
        <caption>{t('history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.column.date')}</th>
            <th scope="col">{t('history.column.mode')}</th>
            <th scope="col">{t('history.column.status')}</th>
            <th scope="col">{t('history.column.receipt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('history.column.details')}</span>
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
              <th scope="row" data-label={t('history.column.date')}>
                {formatDateTime(h.sentAt ?? h.createdAt)}
              </th>
              <td data-label={t('history.column.mode')}>{t(`history.trigger.${h.trigger}`)}</td>
              <td data-label={t('history.column.status')}>
                <Lozenge appearance={statusAppearance(h, page.vendorDeletion)}>{statusWords(i18n, h, page.vendorDeletion)}</Lozenge>
                {h.lastError && h.status !== 'sent' && <SupportDetails text={h.lastError} />}
              </td>
              <td data-label={t('history.column.receipt')}>
                {h.receipt ? <code>{h.receipt.receiptId}</code> : <span className="subtle">{t('history.noReceipt')}</span>}
                {h.delivery?.answer && (
                  <span className="subtle receipt-key" data-testid="receipt-key">
                    {' '}
                    {rich('history.receiptKey', { fingerprint: <code>{h.delivery.answer.collectorKeyFingerprint}</code> })}
                  </span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button button-subtle"
                  aria-expanded={openId === h.reportId}
                  aria-label={t('history.showLabel', { time: formatDateTime(h.sentAt ?? h.createdAt) })}
                  onClick={() => (openId === h.reportId ? setOpenId(null) : open(h.reportId))}
                >
                  {t(openId === h.reportId ? 'history.hide' : 'history.show')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {purgedNote}
      {openId && (
        <section className="history-entry" aria-label={t('history.selected')} data-testid="history-entry">
          {outcome && <RightsOutcomeNotice outcome={outcome} />}
          {entry.state.status === 'running' && <Loading label={t('history.loadingEntry')} />}
          {entry.state.status === 'failed' && <ErrorMessage error={entry.state.error} title={t('history.entryFailed')} />}
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
