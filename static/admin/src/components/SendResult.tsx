import type { SendReportOutput } from '../../../../shared/api/resolvers';
import type { ActionState } from '../hooks/useAction';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';
import { formatTime } from './PreviewPanel';
import { SupportDetails } from './SupportDetails';

/** Progress while a report is on its way, then the collector's receipt or, in plain words, why not. */
export function SendResult({ state }: { state: ActionState<SendReportOutput> }) {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return <Loading label="Sending the report to the vendor" />;
    case 'failed':
      return <ErrorMessage error={state.error} title="The report was not sent" />;
    case 'done':
      return <SendOutcome result={state.data} />;
  }
}

function SendOutcome({ result }: { result: SendReportOutput }) {
  if (result.outcome === 'sent' && result.receipt) {
    const { receipt } = result;
    return (
      <div className="notice notice-success" role="status" data-testid="send-receipt" data-outcome="sent">
        <p className="notice-title">Report sent</p>
        <p>The vendor received and stored the report. The preview above is a fresh one, for next time.</p>
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
        </dl>
        {receipt.duplicate && <p>The vendor had already received this exact report, so it was stored only once.</p>}
      </div>
    );
  }
  // The page's own sentence leads; the backend's message (which may name a network error) is for support.
  const queued = result.outcome === 'queued';
  return (
    <div className={`notice ${queued ? 'notice-warning' : 'notice-error'}`} role="alert" data-testid="send-receipt" data-outcome={result.outcome}>
      <p className="notice-title">{queued ? 'The report is waiting to be sent' : 'The vendor refused the report'}</p>
      <p>
        {queued
          ? "The vendor's server did not answer. The report is queued and will be retried automatically."
          : 'The vendor’s server did not accept this report, so it will not be sent again. Nothing else is affected.'}
      </p>
      <SupportDetails text={result.message} />
    </div>
  );
}
