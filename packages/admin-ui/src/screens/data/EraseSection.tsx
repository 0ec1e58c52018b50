import { useCallback, useId, useState } from 'react';
import type { EraseOutput } from '@usage-reporting/core/api';
import { useClient } from '../../api/client-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/useAction.js';

/**
 * Erases everything the app stores on this site. Destructive, so the confirmation asks the admin
 * to type the word, which is also what the backend requires.
 */
export function EraseSection({ onErased }: { onErased: (result: EraseOutput) => void }) {
  const client = useClient();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const erase = useAction(useCallback(() => client.eraseData({ confirm: 'ERASE' }), [client]));

  const confirm = async () => {
    if (typed.trim() !== 'ERASE') return;
    const result = await erase.start(undefined);
    if (result.ok) {
      setConfirming(false);
      onErased(result.data);
    }
  };

  return (
    <section aria-labelledby="erase-title">
      <h3 id="erase-title">Erase everything stored here</h3>
      <p>
        Deletes the app’s settings, consent, history, ledger and counters on this site. It does not delete what the vendor already
        received; ask for that above.
      </p>
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        Erase all app data on this site
      </button>
      {confirming && (
        <ConfirmDialog
          title="Erase all app data on this site?"
          confirmLabel="Erase everything"
          danger
          busy={erase.state.status === 'running' || typed.trim() !== 'ERASE'}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            setTyped('');
            erase.reset();
          }}
        >
          <p>This cannot be undone. The page starts again as if the app were newly installed.</p>
          <p className="choice">
            <label htmlFor={inputId}>Type ERASE to confirm</label>{' '}
            <input id={inputId} type="text" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </p>
          {erase.state.status === 'failed' && (
            <>
              {/* An erase can stop part-way (consent is reset first), so the page must not claim nothing changed. */}
              <ErrorMessage error={erase.state.error} title="Erasing did not finish" />
              {erase.state.error.code === 'STORAGE' && (
                <p>Some items may already be erased, and sharing may already be reset to “not decided”. Erase again to finish.</p>
              )}
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
