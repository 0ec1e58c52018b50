import { useEffect, useRef } from 'react';
import type { RetractOutput, SendReportOutput } from '@usage-reporting/core/api';
import { formatTime } from '../../components/PreviewPanel.js';
import { SendOutcome } from '../../components/SendResult.js';

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
  const { retraction } = result.entry;
  if (!retraction) {
    // The backend answered without the vendor's acknowledgement: say so rather than claim a deletion.
    return (
      <div className="notice notice-warning" role="alert" data-testid="retract-acknowledgement" data-acknowledged="false">
        <p className="notice-title">The vendor has not confirmed the retraction yet</p>
        <p>{result.message}</p>
      </div>
    );
  }
  return (
    <div className="notice notice-success" role="status" data-testid="retract-acknowledgement" data-acknowledged="true">
      <p className="notice-title">Report retracted</p>
      <p>{result.message}</p>
      <dl className="facts">
        <dt>Acknowledgement</dt>
        <dd>
          <code data-testid="acknowledgement-id">{retraction.acknowledgementId}</code>
        </dd>
        <dt>Retracted</dt>
        <dd>{formatTime(retraction.retractedAt)}</dd>
        <dt>Copies the vendor deleted</dt>
        <dd data-testid="deleted-reports">{retraction.deletedReports}</dd>
      </dl>
    </div>
  );
}
