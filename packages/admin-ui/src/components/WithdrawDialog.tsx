import { useCallback, useId, useState } from 'react';
import type { WithdrawOutput } from '@usage-reporting/core/api';
import { useClient } from '../api/client-context.js';
import { useAction } from '../hooks/useAction.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { ErrorMessage } from './ErrorMessage.js';

/**
 * Stops all sharing. The confirmation also offers to ask the vendor to delete what was already
 * sent, because withdrawing alone only stops future reports.
 */
export function WithdrawDialog({ onDone, onCancel }: { onDone: (result: WithdrawOutput) => void; onCancel: () => void }) {
  const client = useClient();
  const [alsoDelete, setAlsoDelete] = useState(false);
  const checkboxId = useId();
  const withdraw = useAction(useCallback((also: boolean) => client.withdraw({ alsoRequestVendorDeletion: also }), [client]));

  const confirm = async () => {
    const result = await withdraw.start(alsoDelete);
    if (result.ok) onDone(result.data);
  };

  return (
    <ConfirmDialog
      title="Withdraw consent?"
      confirmLabel="Withdraw consent"
      danger
      busy={withdraw.state.status === 'running'}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <p>No more reports will leave this site. Reports waiting to be sent are cancelled.</p>
      <p className="choice">
        <input id={checkboxId} type="checkbox" checked={alsoDelete} onChange={(e) => setAlsoDelete(e.target.checked)} />
        <label htmlFor={checkboxId}>Also ask the vendor to delete data already sent from this site</label>
      </p>
      {withdraw.state.status === 'failed' && <ErrorMessage error={withdraw.state.error} title="Consent was not withdrawn" />}
    </ConfirmDialog>
  );
}
