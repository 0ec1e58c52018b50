import { useEffect, useRef } from 'react';
import type { RetractOutput, SendReportOutput } from '@usage-reporting/core/api';
import { SendOutcome } from '../../components/SendResult.js';
import { explainNotice } from '../../copy/notice-copy.js';
import { useI18n } from '../../i18n/index.js';

export type RightsOutcome = { kind: 'retracted'; result: RetractOutput } | { kind: 'corrected'; result: SendReportOutput };

/**
 * What the vendor answered to a retraction or a correction. It takes focus when it appears: the
 * button the admin pressed is gone once the report can no longer be corrected or retracted.
 */
export function RightsOutcomeNotice({ outcome }: { outcome: RightsOutcome }) {
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => frame.current?.focus(), []);
  return (
    <div ref={frame} tabIndex={-1} className="rights-outcome" data-testid="rights-outcome" data-kind={outcome.kind}>
      {outcome.kind === 'corrected' ? <SendOutcome result={outcome.result} kind="correction" /> : <RetractionAcknowledgement result={outcome.result} />}
    </div>
  );
}

function RetractionAcknowledgement({ result }: { result: RetractOutput }) {
  const i18n = useI18n();
  const { t, formatDateTime, formatNumber } = i18n;
  const { retraction } = result.entry;
  if (!retraction) {
    // The backend answered without the vendor's acknowledgement: say so, and not the notice, which claims a deletion.
    return (
      <div className="notice notice-warning" role="alert" data-testid="retract-acknowledgement" data-acknowledged="false">
        <p className="notice-title">{t('rightsOutcome.unconfirmed')}</p>
      </div>
    );
  }
  return (
    <div className="notice notice-success" role="status" data-testid="retract-acknowledgement" data-acknowledged="true">
      <p className="notice-title">{t('rightsOutcome.retracted')}</p>
      <p>{explainNotice(result.notice, i18n)}</p>
      <dl className="facts">
        <dt>{t('rightsOutcome.acknowledgement')}</dt>
        <dd>
          <code data-testid="acknowledgement-id">{retraction.acknowledgementId}</code>
        </dd>
        <dt>{t('rightsOutcome.retractedAt')}</dt>
        <dd>{formatDateTime(retraction.retractedAt)}</dd>
        <dt>{t('rightsOutcome.deletedCopies')}</dt>
        <dd data-testid="deleted-reports">{formatNumber(retraction.deletedReports)}</dd>
      </dl>
    </div>
  );
}
