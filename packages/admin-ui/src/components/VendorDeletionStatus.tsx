import type { VendorDeletion } from '@usage-reporting/core';
import { SupportDetails } from './SupportDetails.js';
import { useI18n } from '../i18n/index.js';

/** Where a request to delete vendor-held data stands: pending (with retries) until the vendor acknowledges it, or failed after a bounded number of tries. */
export function VendorDeletionStatus({ deletion, onCheck, checking }: {
  deletion: VendorDeletion;
  onCheck: () => void;
  checking: boolean;
}) {
  const { t, rich, formatDateTime } = useI18n();
  if (deletion.status === 'acknowledged' && deletion.acknowledgement) {
    const ack = deletion.acknowledgement;
    return (
      <div className="notice notice-success" role="status" data-testid="vendor-deletion" data-status="acknowledged">
        <p className="notice-title">{t('vendorDeletion.acknowledged.title')}</p>
        <p>
          {rich('vendorDeletion.acknowledged.text', {
            count: ack.deletedReports,
            time: formatDateTime(ack.acknowledgedAt),
            id: <code>{ack.acknowledgementId}</code>
          })}
        </p>
      </div>
    );
  }
  if (deletion.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert" data-testid="vendor-deletion" data-status="failed">
        <p className="notice-title">{t('vendorDeletion.failed.title')}</p>
        <p>{t('vendorDeletion.failed.text', { count: deletion.attempts, time: formatDateTime(deletion.requestedAt) })}</p>
        <p>{t('vendorDeletion.failed.whatToDo', { action: t('data.vendor.delete.button'), section: t('page.sections.data') })}</p>
        {deletion.lastError && <SupportDetails text={deletion.lastError} />}
      </div>
    );
  }
  const requested = formatDateTime(deletion.requestedAt);
  // A due time in the past means the next daily run retries; the page cannot know that run's exact time.
  const next = Date.parse(deletion.nextAttemptAt) > Date.now() ? formatDateTime(deletion.nextAttemptAt) : null;
  const when =
    deletion.attempts > 0
      ? next
        ? t('vendorDeletion.pending.triedNextAttempt', { count: deletion.attempts, requested, next })
        : t('vendorDeletion.pending.triedNextRun', { count: deletion.attempts, requested })
      : next
        ? t('vendorDeletion.pending.nextAttempt', { requested, next })
        : t('vendorDeletion.pending.nextRun', { requested });
  return (
    <div className="notice notice-warning" role="status" data-testid="vendor-deletion" data-status="pending">
      <p className="notice-title">{t('vendorDeletion.pending.title')}</p>
      <p>{when}</p>
      {deletion.lastError && (
        <>
          <p>{t('vendorDeletion.pending.noAnswer')}</p>
          <SupportDetails text={deletion.lastError} />
        </>
      )}
      <button type="button" className="button" onClick={onCheck} disabled={checking}>
        {t('vendorDeletion.checkAgain')}
      </button>
    </div>
  );
}
