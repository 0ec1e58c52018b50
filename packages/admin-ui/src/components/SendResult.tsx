import type { SendReportOutput } from '@usage-reporting/core/api';
import type { ActionState } from '../hooks/useAction.js';
import { explainNotice } from '../copy/notice-copy.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Loading } from './Loading.js';
import { SupportDetails } from './SupportDetails.js';
import { useI18n } from '../i18n/index.js';

/** A correction travels like any report; only the words around the outcome differ. */
export type SentKind = 'report' | 'correction';

/** Progress while a report is on its way, then the collector's receipt or, in plain words, why not. */
export function SendResult({ state, kind = 'report' }: { state: ActionState<SendReportOutput>; kind?: SentKind }) {
  const { t } = useI18n();
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return <Loading label={t(`send.${kind}.running`)} />;
    case 'failed':
      return <ErrorMessage error={state.error} title={t(`send.${kind}.failed`)} />;
    case 'done':
      return <SendOutcome result={state.data} kind={kind} />;
  }
}

export function SendOutcome({ result, kind = 'report' }: { result: SendReportOutput; kind?: SentKind }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  if (result.outcome === 'sent' && result.receipt) {
    const { receipt } = result;
    return (
      <div className="notice notice-success" role="status" data-testid="send-receipt" data-outcome="sent" data-kind={kind} data-notice={result.notice.code}>
        <p className="notice-title">{t(`send.${kind}.sent`)}</p>
        <p>{t(`send.${kind}.sentText`)}</p>
        <dl className="facts">
          <dt>{t('send.receipt')}</dt>
          <dd>
            <code data-testid="receipt-id">{receipt.receiptId}</code>
          </dd>
          <dt>{t('send.receivedAt')}</dt>
          <dd>{formatDateTime(receipt.receivedAt)}</dd>
          <dt>{t('send.receivedDigest')}</dt>
          <dd>
            <code data-testid="receipt-digest">{receipt.digest}</code>
          </dd>
          {result.entry.delivery?.answer && (
            <>
              <dt>{t('send.collectorKey')}</dt>
              <dd>
                <code data-testid="receipt-collector-key">{result.entry.delivery.answer.collectorKeyFingerprint}</code>
              </dd>
            </>
          )}
        </dl>
        {receipt.duplicate && <p>{t('send.duplicate')}</p>}
      </div>
    );
  }
  // The page's own sentence leads; the notice, which quotes the transport's words (a network error, the
  // collector's status), is for a support request, worded in the admin's language around those words.
  const queued = result.outcome === 'queued';
  return (
    <div
      className={`notice ${queued ? 'notice-warning' : 'notice-error'}`}
      role="alert"
      data-testid="send-receipt"
      data-outcome={result.outcome}
      data-kind={kind}
      data-notice={result.notice.code}
    >
      <p className="notice-title">{t(queued ? `send.${kind}.queued` : `send.${kind}.rejected`)}</p>
      <p>{t(queued ? `send.${kind}.queuedText` : `send.${kind}.rejectedText`)}</p>
      <SupportDetails text={explainNotice(result.notice, i18n)} />
    </div>
  );
}
