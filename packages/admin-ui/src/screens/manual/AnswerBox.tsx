import { useCallback, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { AcceptAnswerOutput } from '@usage-reporting/core/api';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { explainNotice } from '../../copy/notice-copy.js';
import { Loading } from '../../components/Loading.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';
import { downloadFile } from '../../lib/download-file.js';

/**
 * Where the admin brings back the vendor's answer (manual delivery): pasted, or the file chosen. The
 * backend verifies it against the collector key the vendor configured before anything is recorded;
 * the page only carries the text.
 */
export function AnswerBox({ onAccepted, label }: { onAccepted: () => Promise<void>; label?: string }) {
  const client = useClient();
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const accept = useAction(useCallback((answer: string) => client.acceptCollectorAnswer({ text: answer }), [client]));

  const submit = async (answer: string) => {
    const result = await accept.start(answer);
    if (!result.ok) return;
    setText('');
    // An export arrives as its document: saved at once, exactly as the backend produced it.
    if (result.data.document) downloadFile(result.data.document.fileName, result.data.document.json, 'application/json');
    await onAccepted();
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await submit(await file.text());
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(text);
  };

  return (
    <form className="answer-box" onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid="answer-box">
      <h4 id={`${id}-title`}>{label ?? t('answer.defaultLabel')}</h4>
      <p className="subtle">{t('answer.intro', { fileName: 'usage-report-receipt-….json' })}</p>
      <label htmlFor={`${id}-text`}>{t('answer.textLabel')}</label>
      <textarea id={`${id}-text`} rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-testid="answer-text" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={accept.state.status === 'running' || text.trim() === ''}>
          {t('answer.record')}
        </button>
        <label className="button" htmlFor={`${id}-file`}>
          {t('answer.chooseFile')}
        </label>
        <input id={`${id}-file`} className="visually-hidden" type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} data-testid="answer-file" />
      </div>
      {accept.state.status === 'running' && <Loading label={t('answer.checking')} />}
      {accept.state.status === 'failed' && <ErrorMessage error={accept.state.error} title={t('answer.failed')} />}
      {accept.state.status === 'done' && <Accepted result={accept.state.data} />}
    </form>
  );
}

function Accepted({ result }: { result: AcceptAnswerOutput }) {
  const i18n = useI18n();
  const { t, rich } = i18n;
  return (
    <div className="notice notice-success" role="status" data-testid="answer-accepted" data-kind={result.kind} data-notice={result.notice.code}>
      <p className="notice-title">{t('answer.accepted')}</p>
      <p>{explainNotice(result.notice, i18n)}</p>
      <p className="subtle">{rich('answer.signedWith', { fingerprint: <code data-testid="answer-fingerprint">{result.collectorKeyFingerprint}</code> })}</p>
    </div>
  );
}
