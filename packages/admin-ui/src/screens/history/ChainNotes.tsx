import type { HistorySummary, VendorDeletion } from '@usage-reporting/core';
import { useI18n } from '../../i18n/index.js';
import { pendingCorrectionOf, reportTime, vendorDeletionOf } from './chain.js';

/**
 * How one report is linked to the others: what replaced it, what it corrects, or that the vendor
 * deleted it. Each link opens the other report, so the admin can follow the chain both ways.
 */
export function ChainNotes({ entry, history, vendorDeletion = null, onOpen }: {
  entry: HistorySummary;
  history: readonly HistorySummary[];
  vendorDeletion?: VendorDeletion | null;
  onOpen: (reportId: string) => void;
}) {
  const { t, rich, formatDateTime } = useI18n();
  const deleted = vendorDeletionOf(entry, vendorDeletion);
  const byId = (id: string | undefined) => (id === undefined ? undefined : history.find((h) => h.reportId === id));
  const correction = entry.supersededBy && byId(entry.supersededBy.reportId);
  const pending = pendingCorrectionOf(entry, history);
  const original = byId(entry.supersedes);
  return (
    <>
      {entry.supersedes !== undefined && (
        <p className="notice notice-info chain-note" data-testid="chain-corrects">
          {original ? (
            <>
              {t('chain.corrects', { time: formatDateTime(reportTime(original)) })}{' '}
              <OpenButton label={t('chain.openOriginal')} onClick={() => onOpen(original.reportId)} />
            </>
          ) : (
            // Retention may have removed the original from this history; the link is still worth stating.
            t('chain.correctsMissing')
          )}
        </p>
      )}
      {entry.supersededBy && (
        <p className="notice notice-info chain-note" data-testid="chain-superseded">
          {correction?.receipt
            ? rich('chain.supersededWithReceipt', { time: formatDateTime(entry.supersededBy.at), receipt: <code>{correction.receipt.receiptId}</code> })
            : t('chain.superseded', { time: formatDateTime(entry.supersededBy.at) })}{' '}
          {correction && <OpenButton label={t('chain.openCorrection')} onClick={() => onOpen(correction.reportId)} />}
        </p>
      )}
      {pending && !entry.supersededBy && (
        <p className="notice notice-warning chain-note" data-testid="chain-pending-correction">
          {t('chain.pending', { time: formatDateTime(pending.createdAt) })}{' '}
          <OpenButton label={t('chain.openCorrection')} onClick={() => onOpen(pending.reportId)} />
        </p>
      )}
      {deleted && !entry.retraction && (
        <p className="notice notice-info chain-note" data-testid="chain-vendor-deleted">
          {rich('chain.vendorDeleted', { time: formatDateTime(deleted.at), ack: <code>{deleted.acknowledgementId}</code> })}
        </p>
      )}
      {entry.retraction && (
        <p className="notice notice-info chain-note" data-testid="chain-retracted">
          {rich(entry.retraction.deletedReports > 0 ? 'chain.retracted.deleted' : 'chain.retracted.noCopy', {
            time: formatDateTime(entry.retraction.retractedAt),
            ack: <code>{entry.retraction.acknowledgementId}</code>
          })}
        </p>
      )}
    </>
  );
}

function OpenButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-subtle" onClick={onClick}>
      {label}
    </button>
  );
}
