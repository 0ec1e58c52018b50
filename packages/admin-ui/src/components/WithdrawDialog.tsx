import { useCallback, useId, useState } from 'react';
import type { WithdrawOutput } from '@usage-reporting/core/api';
import { useClient } from '../api/client-context.js';
import { useAction } from '../hooks/useAction.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ErrorMessage } from './ErrorMessage.js';
import { useI18n } from '../i18n/index.js';

/**
 * Stops all sharing. The confirmation also offers to ask the vendor to delete what was already
 * sent, because withdrawing alone only stops future reports.
 */
export function WithdrawDialog({ onDone, onCancel }: { onDone: (result: WithdrawOutput) => void; onCancel: () => void }) {
  const client = useClient();
  const { t } = useI18n();
  const [alsoDelete, setAlsoDelete] = useState(false);
  const checkboxId = useId();
  const withdraw = useAction(useCallback((also: boolean) => client.withdraw({ alsoRequestVendorDeletion: also }), [client]));

  const confirm = async () => {
    const result = await withdraw.start(alsoDelete);
    if (result.ok) onDone(result.data);
  };

  return (
    <ConfirmDialog
      title={t('withdraw.title')}
      confirmLabel={t('withdraw.confirm')}
      danger
      busy={withdraw.state.status === 'running'}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>{t('withdraw.body')}</p>
      <p className="choice">
        <input id={checkboxId} type="checkbox" checked={alsoDelete} onChange={(e) => setAlsoDelete(e.target.checked)} />
        <label htmlFor={checkboxId}>{t('withdraw.alsoDelete')}</label>
      </p>
      {withdraw.state.status === 'failed' && <ErrorMessage error={withdraw.state.error} title={t('withdraw.failed')} />}
    </ConfirmDialog>
  );
}
