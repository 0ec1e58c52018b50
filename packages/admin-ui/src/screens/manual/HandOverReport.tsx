import { useCallback } from 'react';
import type { AdminPageOutput, HandOverReportOutput, HistoryEntry } from '@usage-reporting/core/api';
import type { ClientResult } from '../../api/client.js';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { formatTime } from '../../components/PreviewPanel.js';
import { useAction } from '../../hooks/useAction.js';
import { downloadFile } from '../../lib/download-file.js';
import { AnswerBox } from './AnswerBox.js';

/**
 * Manual delivery on the report screen: "Hand over" downloads the previewed report, signed, as the
 * file the vendor's upload page takes; reports waiting for the vendor's receipt (and automatic ones
 * the daily job prepared) can be downloaded again; the vendor's receipt is pasted back below.
 */
export function HandOverReport({ page, refresh, canHandOver }: { page: AdminPageOutput; refresh: () => Promise<void>; canHandOver: boolean }) {
  const client = useClient();
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
      <h3 id="hand-over-title">Hand the report over to the vendor</h3>
      <p>
        This app does not connect to the vendor. “Hand over” saves the report above, signed by this site, as a file: upload it on the vendor’s upload page (or
        send it to the vendor), then paste the receipt the vendor gives back.
      </p>
      {canHandOver && (
        <div className="button-row send-row">
          <button type="button" className="button button-primary" disabled={handOver.state.status === 'running'} onClick={() => void onHandOver()}>
            Hand over this report
          </button>
        </div>
      )}
      {handOver.state.status === 'running' && <Loading label="Signing the report" />}
      {handOver.state.status === 'failed' && <ErrorMessage error={handOver.state.error} title="The report was not handed over" />}
      {handOver.state.status === 'done' && (
        <p className="notice notice-success" role="status" data-testid="handed-over" data-report-id={handOver.state.data.entry.reportId}>
          Handed over: saved as <code data-testid="hand-over-file-name">{handOver.state.data.fileName}</code>. {handOver.state.data.message}
        </p>
      )}
      {waiting.length > 0 && <Waiting entries={waiting} busy={download.state.status === 'running'} onDownload={(id) => void onDownload(id)} />}
      {download.state.status === 'failed' && <ErrorMessage error={download.state.error} title="The file could not be made" />}
      <AnswerBox onAccepted={refresh} label="Paste the vendor’s receipt" />
    </section>
  );
}

function Waiting({ entries, busy, onDownload }: { entries: HistoryEntry[]; busy: boolean; onDownload: (reportId: string) => void }) {
  return (
    <ul className="hand-over-waiting" data-testid="hand-over-waiting">
      {entries.map((h) => (
        <li key={h.reportId} data-report-id={h.reportId} data-handed-over={h.delivery?.handedOverAt ? 'true' : 'false'}>
          {h.delivery?.handedOverAt
            ? `Handed over ${formatTime(h.delivery.handedOverAt)}; waiting for the vendor’s receipt.`
            : `Ready to hand over: the ${h.trigger === 'automatic' ? 'automatic ' : ''}report of ${formatTime(h.createdAt)} was prepared and has not left this site.`}{' '}
          <button type="button" className="button button-subtle" disabled={busy} onClick={() => onDownload(h.reportId)}>
            {h.delivery?.handedOverAt ? 'Download the file again' : 'Hand over'}
          </button>
        </li>
      ))}
    </ul>
  );
}
