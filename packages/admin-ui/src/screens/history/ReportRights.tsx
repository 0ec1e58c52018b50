import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldInfo } from '@usage-reporting/core/api';
import type { HistorySummary } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
import { reportTime } from './chain.js';
import { CorrectionDraft } from './CorrectionDraft.js';
import type { RightsOutcome } from './RightsOutcome.js';

/** The admin's right to correct a report that left: send a corrected one for its period, or have the vendor delete it. */
export function ReportRights({ entry, fields, onDone }: {
  entry: HistorySummary;
  fields: readonly FieldInfo[];
  onDone: (outcome: RightsOutcome) => void;
}) {
  const client = useClient();
  const { t, rich, formatDateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const retract = useAction(useCallback((reportId: string) => client.retractReport({ reportId }), [client]));
  const correction = useAction(useCallback((reportId: string) => client.previewCorrection({ reportId }), [client]));
  const when = formatDateTime(reportTime(entry));

  const onRetract = async () => {
    const result = await retract.start(entry.reportId);
    setConfirming(false);
    if (result.ok) onDone({ kind: 'retracted', result: result.data });
  };
  const correcting = correction.state.status !== 'idle';
  // Cancelling a correction removes the button that had focus; give it back to "Correct this report".
  const correctButton = useRef<HTMLButtonElement>(null);
  const [cancelled, setCancelled] = useState(false);
  useEffect(() => {
    if (cancelled && !correcting) {
      correctButton.current?.focus();
      setCancelled(false);
    }
  }, [cancelled, correcting]);
  const cancelCorrection = () => {
    correction.reset();
    setCancelled(true);
  };

  return (
    <section className="report-rights" aria-labelledby="report-rights-title" data-testid="report-rights">
      <h4 id="report-rights-title">{t('rights.heading')}</h4>
      <p className="subtle">{t('rights.intro')}</p>
      {!correcting && (
        <div className="button-row">
          <button ref={correctButton} type="button" className="button" onClick={() => void correction.start(entry.reportId)}>
            {t('rights.correct')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('rights.retract')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('rights.confirm.title')}
          confirmLabel={t('rights.confirm.button')}
          danger
          busy={retract.state.status === 'running'}
          onConfirm={() => void onRetract()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {entry.receipt
              ? rich('rights.confirm.bodyWithReceipt', { time: when, receipt: <code>{entry.receipt.receiptId}</code> })
              : t('rights.confirm.body', { time: when })}
          </p>
          <p>{t('rights.confirm.irreversible', { correct: t('rights.correct') })}</p>
          {retract.state.status === 'running' && <Loading label={t('rights.retracting')} />}
        </ConfirmDialog>
      )}
      {retract.state.status === 'failed' && <ErrorMessage error={retract.state.error} title={t('rights.retractFailed')} />}
      {correction.state.status === 'running' && <Loading label={t('rights.preparing')} />}
      {correction.state.status === 'failed' && (
        <>
          <ErrorMessage error={correction.state.error} title={t('rights.prepareFailed')} />
          <div className="button-row">
            <button type="button" className="button" onClick={cancelCorrection}>
              {t('common.back')}
            </button>
          </div>
        </>
      )}
      {correction.state.status === 'done' && (
        <CorrectionDraft
          original={entry}
          draft={correction.state.data}
          fields={fields}
          onSent={(result) => onDone({ kind: 'corrected', result })}
          onCancel={cancelCorrection}
        />
      )}
    </section>
  );
}
