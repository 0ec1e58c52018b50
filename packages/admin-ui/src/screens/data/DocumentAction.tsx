import { useCallback } from 'react';
import type { DocumentOutput } from '@usage-reporting/core/api';
import type { ClientResult } from '../../api/client.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Loading } from '../../components/Loading.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
import { downloadFile } from '../../lib/download-file.js';

/** A button that asks the backend for a JSON document and saves it exactly as produced. */
export function DocumentAction({ label, busyLabel, doneText, fetchDocument }: {
  label: string;
  busyLabel: string;
  doneText: string;
  fetchDocument: () => Promise<ClientResult<DocumentOutput>>;
}) {
  const { rich } = useI18n();
  const action = useAction(useCallback(() => fetchDocument(), [fetchDocument]));
  const run = async () => {
    const result = await action.start(undefined);
    if (result.ok) downloadFile(result.data.fileName, result.data.json, 'application/json');
  };
  return (
    <div className="document-action">
      <button type="button" className="button" disabled={action.state.status === 'running'} onClick={() => void run()}>
        {label}
      </button>
      {action.state.status === 'running' && <Loading label={busyLabel} />}
      {action.state.status === 'failed' && <ErrorMessage error={action.state.error} />}
      {action.state.status === 'done' && (
        <p role="status" className="subtle">
          {doneText} {rich('data.document.savedAs', { fileName: <code>{action.state.data.fileName}</code> })}
        </p>
      )}
    </div>
  );
}
