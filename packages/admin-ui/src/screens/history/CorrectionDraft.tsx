import { useCallback } from 'react';
import type { CorrectionPreviewOutput, FieldInfo, SendReportOutput } from '@usage-reporting/core/api';
import type { HistorySummary } from '@usage-reporting/core';
import type { ClientResult } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { DraftViews } from '../../components/DraftViews.js';
import { formatTime } from '../../components/PreviewPanel.js';
import { SendResult } from '../../components/SendResult.js';
import { useAction } from '../../hooks/useAction.js';
import { reportTime } from './chain.js';

/**
 * A correction's frozen draft, shown exactly as the next report's preview is, with the one
 * difference said plainly: it covers the old report's period but is built with today's settings.
 * "Send this correction" sends exactly this draft (its id and digest), nothing rebuilt.
 */
export function CorrectionDraft({ original, draft, fields, onSent, onCancel }: {
  original: HistorySummary;
  draft: CorrectionPreviewOutput;
  fields: readonly FieldInfo[];
  onSent: (result: SendReportOutput) => void;
  onCancel: () => void;
}) {
  const client = useClient();
  const send = useAction(
    useCallback((d: { draftId: string; digest: string }): Promise<ClientResult<SendReportOutput>> => client.sendCorrection(d), [client])
  );
  const onSend = async () => {
    const result = await send.start({ draftId: draft.draftId, digest: draft.digest });
    if (result.ok) onSent(result.data);
  };
  const sending = send.state.status === 'running';
  return (
    <section className="correction" aria-labelledby="correction-title" data-testid="correction-preview" data-draft-id={draft.draftId} data-supersedes={draft.supersedes}>
      <h4 id="correction-title">The correction that would be sent</h4>
      <p>
        It covers the same period as the report of {formatTime(reportTime(original))} ({original.period.from} to {original.period.to}) and
        replaces it at the vendor. It is built with today’s settings, so it shares only what you allow now.
      </p>
      <p className="subtle">
        Prepared {formatTime(draft.createdAt)}. This preview stays valid until {formatTime(draft.expiresAt)}.
      </p>
      <DraftViews draft={draft} fields={fields} id="correction" label="Correction views" />
      {/* Once sent, the outcome is shown once, above the entry (RightsOutcome); here only progress and failures. */}
      {send.state.status !== 'done' && <SendResult state={send.state} kind="correction" />}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={sending} onClick={() => void onSend()}>
          Send this correction
        </button>
        <button type="button" className="button" disabled={sending} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
