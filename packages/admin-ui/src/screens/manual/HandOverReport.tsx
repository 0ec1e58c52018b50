import { useCallback } from 'react';
import type { AdminPageOutput, HandOverReportOutput, HistoryEntry } from '@usage-reporting/core/api';
import type { ClientResult } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { explainNotice } from '../../copy/notice-copy.js';
import { Loading } from '../../components/Loading.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
import { downloadFile } from '../../lib/download-file.js';
import { AnswerBox } from './AnswerBox.js';

/**
 * Manual delivery on the report screen: "Hand over" downloads the previewed report, signed, as the
 * file the vendor's upload page takes; reports waiting for the vendor's receipt (and automatic ones
 * the daily job prepared) can be downloaded again; the vendor's receipt is pasted back below.
 */
export function HandOverReport({ page, refresh, canHandOver }: { page: AdminPageOutput; refresh: () => Promise<void>; canHandOver: boolean }) {
  const client = useClient();
  const i18n = useI18n();
  const { t, rich } = i18n;
  const save = (result: ClientResult<HandOverReportOutput>) => {
    if (result.ok) downloadFile(result.data.fileName, result.data.text, 'application/json');
  };
  const handOver = useAction(useCallback((draft: { draftId: string; digest: string }) => client.handOverReport(draft), [client]));
  const download = useAction(useCallback((reportId: string) => client.downloadHandOver({ reportId }), [client]));
  const waiting = page.history.filter((h) => h.status === 'pending' && h.delivery?.mode === 'manual');

  const onHandOver = async () => {
    save(await handOver.start({ draftId: page.preview.draftId, digest: page.preview.digest }));
    await refresh();
  };
  const onDownload = async (reportId: string) => {
    save(await download.start(reportId));
    await refresh();
  };

  return (
    <section className="hand-over" aria-labelledby="hand-over-title" data-testid="hand-over">
      <h3 id="hand-over-title">{t('handOver.heading')}</h3>
      <p>{t('handOver.intro', { action: t('handOver.handOver') })}</p>
      {canHandOver && (
        <div className="button-row send-row">
          <button type="button" className="button button-primary" disabled={handOver.state.status === 'running'} onClick={() => void onHandOver()}>
            {t('handOver.button')}
          </button>
        </div>
      )}
      {handOver.state.status === 'running' && <Loading label={t('handOver.signing')} />}
      {handOver.state.status === 'failed' && <ErrorMessage error={handOver.state.error} title={t('handOver.failed')} />}
      {handOver.state.status === 'done' && (
        <p className="notice notice-success" role="status" data-testid="handed-over" data-report-id={handOver.state.data.entry.reportId}>
          {rich('handOver.done', { fileName: <code data-testid="hand-over-file-name">{handOver.state.data.fileName}</code> })}{' '}
          {explainNotice(handOver.state.data.notice, i18n)}
        </p>
      )}
      {waiting.length > 0 && <Waiting entries={waiting} busy={download.state.status === 'running'} onDownload={(id) => void onDownload(id)} />}
      {download.state.status === 'failed' && <ErrorMessage error={download.state.error} title={t('handOver.downloadFailed')} />}
      <AnswerBox onAccepted={refresh} label={t('handOver.answerLabel')} />
    </section>
  );
}

function Waiting({ entries, busy, onDownload }: { entries: HistoryEntry[]; busy: boolean; onDownload: (reportId: string) => void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="hand-over-waiting" data-testid="hand-over-waiting">
      {entries.map((h) => (
        <li key={h.reportId} data-report-id={h.reportId} data-handed-over={h.delivery?.handedOverAt ? 'true' : 'false'}>
          {h.delivery?.handedOverAt
            ? t('handOver.waiting.handedOver', { time: formatDateTime(h.delivery.handedOverAt) })
            : t(h.trigger === 'automatic' ? 'handOver.waiting.readyAutomatic' : 'handOver.waiting.ready', { time: formatDateTime(h.createdAt) })}{' '}
          <button type="button" className="button button-subtle" disabled={busy} onClick={() => onDownload(h.reportId)}>
            {t(h.delivery?.handedOverAt ? 'handOver.downloadAgain' : 'handOver.handOver')}
          </button>
        </li>
      ))}
    </ul>
  );
}
