import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldInfo } from '@usage-reporting/core/api';
import type { HistorySummary } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { formatTime } from '../../components/PreviewPanel.js';
import { useAction } from '../../hooks/useAction.js';
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
  const [confirming, setConfirming] = useState(false);
  const retract = useAction(useCallback((reportId: string) => client.retractReport({ reportId }), [client]));
  const correction = useAction(useCallback((reportId: string) => client.previewCorrection({ reportId }), [client]));
  const when = formatTime(reportTime(entry));

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
      <h4 id="report-rights-title">Correct or retract this report</h4>
      <p className="subtle">
        If this report was wrong, send a correction for the same period, or ask the vendor to delete it.
      </p>
      {!correcting && (
        <div className="button-row">
          <button ref={correctButton} type="button" className="button" onClick={() => void correction.start(entry.reportId)}>
            Correct this report
          </button>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Retract this report
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title="Retract this report?"
          confirmLabel="Retract the report"
          danger
          busy={retract.state.status === 'running'}
          onConfirm={() => void onRetract()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The vendor will delete its copy of the report of {when}
            {entry.receipt && <> (receipt <code>{entry.receipt.receiptId}</code>)</>} and no longer count it. Nothing else you sent is
            affected, and this site keeps its own record of the report.
          </p>
          <p>This cannot be undone. To send different figures for that period instead, cancel and choose “Correct this report”.</p>
          {retract.state.status === 'running' && <Loading label="Asking the vendor to retract the report" />}
        </ConfirmDialog>
      )}
      {retract.state.status === 'failed' && <ErrorMessage error={retract.state.error} title="The report was not retracted" />}
      {correction.state.status === 'running' && <Loading label="Preparing the correction" />}
      {correction.state.status === 'failed' && (
        <>
          <ErrorMessage error={correction.state.error} title="The correction could not be prepared" />
          <div className="button-row">
            <button type="button" className="button" onClick={cancelCorrection}>
              Back
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
