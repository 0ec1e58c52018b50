import type { SendReportOutput } from '@usage-reporting/core/api';
import type { ActionState } from '../hooks/useAction.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Loading } from './Loading.js';
import { formatTime } from './PreviewPanel.js';
import { SupportDetails } from './SupportDetails.js';

/** A correction travels like any report; only the words around the outcome differ. */
export type SentKind = 'report' | 'correction';

const copy: Record<SentKind, { running: string; failed: string; sent: string; sentText: string; queued: string; queuedText: string; rejected: string; rejectedText: string }> = {
  report: {
    running: 'Sending the report to the vendor',
    failed: 'The report was not sent',
    sent: 'Report sent',
    sentText: 'The vendor received and stored the report. The preview above is a fresh one, for next time.',
    queued: 'The report is waiting to be sent',
    queuedText: "The vendor's server did not answer. The report is queued and will be retried automatically.",
    rejected: 'The vendor refused the report',
    rejectedText: 'The vendor’s server did not accept this report, so it will not be sent again. Nothing else is affected.'
  },
  correction: {
    running: 'Sending the correction to the vendor',
    failed: 'The correction was not sent',
    sent: 'Correction sent',
    sentText: 'The vendor received and stored the correction, and no longer counts the report it replaces.',
    queued: 'The correction is waiting to be sent',
    queuedText:
      "The vendor's server did not answer. The correction is queued and will be retried automatically; until it arrives, the vendor still counts the original report.",
    rejected: 'The vendor refused the correction',
    rejectedText: 'The vendor’s server did not accept this correction, so it will not be sent again. The original report stays as it was.'
  }
};

/** Progress while a report is on its way, then the collector's receipt or, in plain words, why not. */
export function SendResult({ state, kind = 'report' }: { state: ActionState<SendReportOutput>; kind?: SentKind }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return <Loading label={copy[kind].running} />;
    case 'failed':
      return <ErrorMessage error={state.error} title={copy[kind].failed} />;
    case 'done':
      return <SendOutcome result={state.data} kind={kind} />;
  }
}

export function SendOutcome({ result, kind = 'report' }: { result: SendReportOutput; kind?: SentKind }) {
  const words = copy[kind];
  if (result.outcome === 'sent' && result.receipt) {
    const { receipt } = result;
    return (
      <div className="notice notice-success" role="status" data-testid="send-receipt" data-outcome="sent" data-kind={kind}>
        <p className="notice-title">{words.sent}</p>
        <p>{words.sentText}</p>
        <dl className="facts">
          <dt>Receipt</dt>
          <dd>
            <code data-testid="receipt-id">{receipt.receiptId}</code>
          </dd>
          <dt>Received by the vendor</dt>
          <dd>{formatTime(receipt.receivedAt)}</dd>
          <dt>Digest the vendor received</dt>
          <dd>
            <code data-testid="receipt-digest">{receipt.digest}</code>
          </dd>
          {result.entry.delivery?.answer && (
            <>
              <dt>Signed by the vendor’s collector key</dt>
              <dd>
                <code data-testid="receipt-collector-key">{result.entry.delivery.answer.collectorKeyFingerprint}</code>
              </dd>
            </>
          )}
        </dl>
        {receipt.duplicate && <p>The vendor had already received this exact report, so it was stored only once.</p>}
      </div>
    );
  }
  // The page's own sentence leads; the backend's message (which may name a network error) is for support.
  const queued = result.outcome === 'queued';
  return (
    <div className={`notice ${queued ? 'notice-warning' : 'notice-error'}`} role="alert" data-testid="send-receipt" data-outcome={result.outcome} data-kind={kind}>
      <p className="notice-title">{queued ? words.queued : words.rejected}</p>
      <p>{queued ? words.queuedText : words.rejectedText}</p>
      <SupportDetails text={result.message} />
    </div>
  );
}
