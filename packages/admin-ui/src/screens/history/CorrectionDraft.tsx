import { useCallback } from 'react';
import type { CorrectionPreviewOutput, FieldInfo, SendReportOutput } from '@usage-reporting/core/api';
import type { HistorySummary } from '@usage-reporting/core';
import type { ClientResult } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { DraftViews } from '../../components/DraftViews.js';
import { SendResult } from '../../components/SendResult.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
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
  const { t, formatDateTime, formatDateRange } = useI18n();
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
      <h4 id="correction-title">{t('correction.heading')}</h4>
      <p>
        {t('correction.explanation', {
          time: formatDateTime(reportTime(original)),
          period: formatDateRange(original.period.from, original.period.to)
        })}
      </p>
      <p className="subtle">{t('draft.validity', { created: formatDateTime(draft.createdAt), expires: formatDateTime(draft.expiresAt) })}</p>
      <DraftViews draft={draft} fields={fields} id="correction" label={t('correction.viewsLabel')} />
      {/* Once sent, the outcome is shown once, above the entry (RightsOutcome); here only progress and failures. */}
      {send.state.status !== 'done' && <SendResult state={send.state} kind="correction" />}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={sending} onClick={() => void onSend()}>
          {t('correction.send')}
        </button>
        <button type="button" className="button" disabled={sending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
