import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ActionState } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';

/**
 * The confirmation before asking the vendor to delete: what goes, what stays and why, and what
 * happens if the vendor cannot be reached. One click used to send the request at once.
 * What stays matches the collector's acknowledgement (packages/collector/src/http/rights.ts `retained`).
 */
export function VendorDeletionDialog({ state, onConfirm, onCancel }: { state: ActionState<unknown>; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      title={t('data.vendorDeletion.title')}
      confirmLabel={t('data.vendorDeletion.confirm')}
      danger
      busy={state.status === 'running'}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('data.vendorDeletion.what')}</p>
      <p>{t('data.vendorDeletion.kept')}</p>
      <p>{t('data.vendorDeletion.unchanged')}</p>
      <p>{t('data.vendorDeletion.retry')}</p>
      {state.status === 'failed' && <ErrorMessage error={state.error} title={t('data.vendorDeletion.failed')} />}
    </ConfirmDialog>
  );
}
