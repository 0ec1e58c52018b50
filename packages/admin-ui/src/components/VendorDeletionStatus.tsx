import type { VendorDeletion } from '@usage-reporting/core';
import { formatTime } from './PreviewPanel.js';
import { SupportDetails } from './SupportDetails.js';

/** Where a request to delete vendor-held data stands: pending (with retries) until the vendor acknowledges it, or failed after a bounded number of tries. */
export function VendorDeletionStatus({ deletion, onCheck, checking }: {
  deletion: VendorDeletion;
  onCheck: () => void;
  checking: boolean;
}) {
  if (deletion.status === 'acknowledged' && deletion.acknowledgement) {
    const ack = deletion.acknowledgement;
    return (
      <div className="notice notice-success" role="status" data-testid="vendor-deletion" data-status="acknowledged">
        <p className="notice-title">The vendor deleted the data sent from this site</p>
        <p>
          Acknowledged {formatTime(ack.acknowledgedAt)}: {ack.deletedReports === 1 ? '1 report' : `${ack.deletedReports} reports`} deleted
          (acknowledgement <code>{ack.acknowledgementId}</code>).
        </p>
      </div>
    );
  }
  if (deletion.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert" data-testid="vendor-deletion" data-status="failed">
        <p className="notice-title">The vendor has not confirmed the deletion, and the app has stopped trying</p>
        <p>
          Requested {formatTime(deletion.requestedAt)}. The app tried {deletion.attempts} times over several days and the vendor’s service
          never confirmed it, so the data sent from this site may still be held by the vendor.
        </p>
        <p>
          What you can do: ask again with “Ask the vendor to delete this site’s data” under Your data (a new request is tried at once and
          then daily), or contact the vendor’s support and ask them to delete this site’s usage reports. Quote the details below.
        </p>
        {deletion.lastError && <SupportDetails text={deletion.lastError} />}
      </div>
    );
  }
  return (
    <div className="notice notice-warning" role="status" data-testid="vendor-deletion" data-status="pending">
      <p className="notice-title">Deletion requested, not yet confirmed by the vendor</p>
      <p>
        Requested {formatTime(deletion.requestedAt)}.{' '}
        {deletion.attempts > 0 && `The app has tried ${deletion.attempts === 1 ? 'once' : `${deletion.attempts} times`}; `}
        {Date.parse(deletion.nextAttemptAt) > Date.now()
          ? `the next attempt is ${formatTime(deletion.nextAttemptAt)}.`
          : 'it will try again on its next daily run.'}
      </p>
      {deletion.lastError && (
        <>
          <p>The last attempt did not get an answer from the vendor.</p>
          <SupportDetails text={deletion.lastError} />
        </>
      )}
      <button type="button" className="button" onClick={onCheck} disabled={checking}>
        Check again
      </button>
    </div>
  );
}
