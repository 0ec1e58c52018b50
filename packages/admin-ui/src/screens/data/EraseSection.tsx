import { useCallback, useId, useState } from 'react';
import type { EraseOutput } from '@usage-reporting/core/api';
import { useClient } from '../../api/client-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';

/**
 * Erases everything the app stores on this site. Destructive, so the confirmation asks the admin
 * to type the word, which is also what the backend requires.
 */
export function EraseSection({ onErased }: { onErased: (result: EraseOutput) => void }) {
  const client = useClient();
  const { t } = useI18n();
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
      <h3 id="erase-title">{t('data.erase.heading')}</h3>
      <p>{t('data.erase.text')}</p>
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        {t('data.erase.button')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('data.erase.confirm.title')}
          confirmLabel={t('data.erase.confirm.button')}
          danger
          busy={erase.state.status === 'running' || typed.trim() !== 'ERASE'}
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
            setTyped('');
            erase.reset();
          }}
        >
          <p>{t('data.erase.confirm.body')}</p>
          <p className="choice">
            {/* The word stays ERASE in every language: the backend requires exactly it. */}
            <label htmlFor={inputId}>{t('data.erase.confirm.typeLabel', { word: 'ERASE' })}</label>{' '}
            <input id={inputId} type="text" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </p>
          {erase.state.status === 'failed' && (
            <>
              {/* An erase can stop part-way (consent is reset first), so the page must not claim nothing changed. */}
              <ErrorMessage error={erase.state.error} title={t('data.erase.failed')} />
              {erase.state.error.code === 'STORAGE' && (
                <p>{t('data.erase.partial')}</p>
              )}
            </>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
