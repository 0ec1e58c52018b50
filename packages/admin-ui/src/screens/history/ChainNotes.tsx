import type { HistorySummary, VendorDeletion } from '@usage-reporting/core';
import { formatTime } from '../../components/PreviewPanel.js';
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
              Corrects the report of {formatTime(reportTime(original))}.{' '}
              <OpenButton label="Open the report it corrects" onClick={() => onOpen(original.reportId)} />
            </>
          ) : (
            // Retention may have removed the original from this history; the link is still worth stating.
            'Corrects an earlier report that is no longer in this history.'
          )}
        </p>
      )}
      {entry.supersededBy && (
        <p className="notice notice-info chain-note" data-testid="chain-superseded">
          Replaced by the correction of {formatTime(entry.supersededBy.at)}
          {correction?.receipt && (
            <>
              {' '}
              (receipt <code>{correction.receipt.receiptId}</code>)
            </>
          )}
          . The vendor no longer counts this report.{' '}
          {correction && <OpenButton label="Open the correction" onClick={() => onOpen(correction.reportId)} />}
        </p>
      )}
      {pending && !entry.supersededBy && (
        <p className="notice notice-warning chain-note" data-testid="chain-pending-correction">
          A correction of this report, prepared {formatTime(pending.createdAt)}, is waiting to be sent; until it arrives the vendor still
          counts this report. <OpenButton label="Open the correction" onClick={() => onOpen(pending.reportId)} />
        </p>
      )}
      {deleted && !entry.retraction && (
        <p className="notice notice-info chain-note" data-testid="chain-vendor-deleted">
          Deleted by the vendor {formatTime(deleted.at)}, when this site asked it to delete all its data (acknowledgement{' '}
          <code>{deleted.acknowledgementId}</code>). Only this site’s own record of it remains.
        </p>
      )}
      {entry.retraction && (
        <p className="notice notice-info chain-note" data-testid="chain-retracted">
          Retracted {formatTime(entry.retraction.retractedAt)} —{' '}
          {entry.retraction.deletedReports > 0 ? 'the vendor deleted its copy' : 'the vendor confirmed it holds no copy'} (acknowledgement{' '}
          <code>{entry.retraction.acknowledgementId}</code>). Only this site’s own record of it remains.
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
