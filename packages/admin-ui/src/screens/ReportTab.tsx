import { useCallback } from 'react';
import type { AdminPageOutput, ConsentOutput, SendReportOutput } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import type { ClientResult } from '../api/client.js';
import { useClient } from '../api/client-context.js';
import { ChoicePanel, type Choice } from '../components/ChoicePanel.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Explanation } from '../components/Explanation.js';
import { PreviewPanel } from '../components/PreviewPanel.js';
import { SendResult } from '../components/SendResult.js';
import { useAction } from '../hooks/useAction.js';
import { useI18n, type I18n } from '../i18n/index.js';
import { HandOverReport } from './manual/HandOverReport.js';
import { PeriodNote } from './report/PeriodNote.js';

/**
 * The report screen. Before the first decision (and after "Don't send") it explains, shows the
 * preview and offers the three choices; once sharing is on it shows the preview with a send button.
 */
export function ReportTab({ page, refresh }: { page: AdminPageOutput; refresh: () => Promise<void> }) {
  const client = useClient();
  const i18n = useI18n();
  const { t } = i18n;
  const { consent, preview } = page;
  // Manual delivery: nothing is sent from here; the admin hands the signed report over (HandOverReport).
  const manual = page.delivery.mode === 'manual';

  const choose = useAction(
    useCallback(
      async (choice: Choice): Promise<ClientResult<ConsentOutput>> =>
        choice.kind === 'send-once'
          ? client.setConsent({ mode: 'per-case' })
          : choice.kind === 'automatic'
            ? client.setConsent({ mode: 'automatic', cadence: choice.cadence })
            : client.setConsent({ mode: 'off' }),
      [client]
    )
  );
  const send = useAction(
    useCallback(
      (draft: { draftId: string; digest: string }): Promise<ClientResult<SendReportOutput>> => client.sendReport(draft),
      [client]
    )
  );

  const onChoose = async (choice: Choice) => {
    // The draft the admin is looking at is the one to send: capture it before the page refreshes.
    const draft = { draftId: preview.draftId, digest: preview.digest };
    send.reset();
    const chosen = await choose.start(choice);
    if (chosen.ok && choice.kind === 'send-once' && !manual) await send.start(draft);
    await refresh();
  };

  const onSend = async () => {
    await send.start({ draftId: preview.draftId, digest: preview.digest });
    // Sent or not, the draft is used up or stale: show the next one and the new history entry.
    await refresh();
  };

  const busy = choose.state.status === 'running' || send.state.status === 'running';
  const deciding = consent.mode === 'not-asked' || consent.mode === 'off';

  return (
    <div className="report-tab">
      {choose.state.status === 'failed' && <ErrorMessage error={choose.state.error} title={t('report.choiceFailed')} />}
      {consent.mode === 'not-asked' && <Explanation />}
      {consent.mode === 'off' && (
        <p className="notice notice-info" data-testid="mode-summary">
          {t('report.summary.off')}
        </p>
      )}
      {consent.mode === 'automatic' && (
        <p className="notice notice-info" data-testid="mode-summary">
          {t(manual ? 'report.summary.automaticManual' : 'report.summary.automatic', { cadence: t(`cadence.${consent.cadence}.inSentence`) })}
          {page.nextAutomaticAt && <> {nextRunWords(i18n, page.nextAutomaticAt)}</>}
        </p>
      )}
      {consent.mode === 'per-case' && (
        <p className="notice notice-info" data-testid="mode-summary">
          {t(manual ? 'report.summary.perCaseManual' : 'report.summary.perCase')}
        </p>
      )}
      {page.outboxSize > 0 && (
        <p className="notice notice-warning" data-testid="outbox-summary">
          {t('report.outbox', { count: page.outboxSize })}
        </p>
      )}
      <PeriodNote preview={preview} history={page.history} />
      <PreviewPanel preview={preview} fields={page.fields} />
      <SendResult state={send.state} />
      {deciding && <ChoicePanel busy={busy} onChoose={(choice) => void onChoose(choice)} />}
      {manual && <HandOverReport page={page} refresh={refresh} canHandOver={allowsSending(consent.mode)} />}
      {!manual && allowsSending(consent.mode) && (
        <div className="button-row send-row">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void onSend()}>
            {t(consent.mode === 'automatic' ? 'report.sendNow' : 'report.send')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A due time in the past means the next scheduled run sends it; the page cannot know that run's exact time. */
function nextRunWords({ t, formatDateTime }: I18n, nextAutomaticAt: string): string {
  return Date.parse(nextAutomaticAt) > Date.now()
    ? t('report.summary.nextDue', { time: formatDateTime(nextAutomaticAt) })
    : t('report.summary.nextDueNow');
}
