import { useCallback } from 'react';
import type { AdminPageOutput, ConsentOutput, SendReportOutput } from '@usage-reporting/core/api';
import { allowsSending } from '@usage-reporting/core';
import type { ClientResult } from '../api/client.js';
import { useClient } from '../api/client-context.js';
import { ChoicePanel, type Choice } from '../components/ChoicePanel.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { Explanation } from '../components/Explanation.js';
import { PreviewPanel, formatTime } from '../components/PreviewPanel.js';
import { SendResult } from '../components/SendResult.js';
import { cadenceLabel } from '../copy/labels.js';
import { useAction } from '../hooks/useAction.js';
import { HandOverReport } from './manual/HandOverReport.js';

/**
 * The report screen. Before the first decision (and after "Don't send") it explains, shows the
 * preview and offers the three choices; once sharing is on it shows the preview with a send button.
 */
export function ReportTab({ page, refresh }: { page: AdminPageOutput; refresh: () => Promise<void> }) {
  const client = useClient();
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
      {choose.state.status === 'failed' && <ErrorMessage error={choose.state.error} title="Your choice was not saved" />}
      {consent.mode === 'not-asked' && <Explanation />}
      {consent.mode === 'off' && (
        <p className="notice notice-info" data-testid="mode-summary">
          Reports are not sent from this site. The preview below shows what would be sent if you chose to share.
        </p>
      )}
      {consent.mode === 'automatic' && (
        <p className="notice notice-info" data-testid="mode-summary">
          {manual
            ? `Reports are prepared automatically (${cadenceLabel[consent.cadence].toLowerCase()}) and wait for you to hand them over.`
            : `Reports are sent automatically (${cadenceLabel[consent.cadence].toLowerCase()}).`}
          {page.nextAutomaticAt && <> {nextRunWords(page.nextAutomaticAt)}</>}
        </p>
      )}
      {consent.mode === 'per-case' && (
        <p className="notice notice-info" data-testid="mode-summary">
          {manual
            ? 'The app asks you each time. Review the report below and hand it over if you agree.'
            : 'The app asks you each time. Review the report below and send it if you agree.'}
        </p>
      )}
      {page.outboxSize > 0 && (
        <p className="notice notice-warning" data-testid="outbox-summary">
          {page.outboxSize === 1 ? '1 report is' : `${page.outboxSize} reports are`} waiting to be sent; the app retries automatically.
        </p>
      )}
      <PreviewPanel preview={preview} fields={page.fields} />
      <SendResult state={send.state} />
      {deciding && <ChoicePanel busy={busy} onChoose={(choice) => void onChoose(choice)} />}
      {manual && <HandOverReport page={page} refresh={refresh} canHandOver={allowsSending(consent.mode)} />}
      {!manual && allowsSending(consent.mode) && (
        <div className="button-row send-row">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void onSend()}>
            {consent.mode === 'automatic' ? 'Send this report now' : 'Send this report'}
          </button>
        </div>
      )}
    </div>
  );
}

/** A due time in the past means the next scheduled run sends it; the page cannot know that run's exact time. */
function nextRunWords(nextAutomaticAt: string): string {
  return Date.parse(nextAutomaticAt) > Date.now()
    ? `The next one is due ${formatTime(nextAutomaticAt)}.`
    : 'The next one is due now and goes with the next scheduled run.';
}
