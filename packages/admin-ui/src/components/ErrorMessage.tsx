import type { ClientError } from '../api/client.js';
import { explainError } from '../copy/error-copy.js';
import { explainNotice } from '../copy/notice-copy.js';
import { useI18n } from '../i18n/index.js';

/** A failure in plain words, with the technical detail tucked away for a support request. */
export function ErrorMessage({ error, title }: { error: ClientError; title?: string }) {
  const i18n = useI18n();
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <p className="notice-title">{title ?? i18n.t('error.title')}</p>
      {/* The backend's reason, when it gave one the admin can act on, says more than the code's general words. */}
      <p>{error.notice ? explainNotice(error.notice, i18n) : explainError(error, i18n)}</p>
      {error.message && (
        // The backend's own message stays English here on purpose: it is for the vendor's support, with the code.
        <details className="error-details">
          <summary>{i18n.t('common.detailsForSupport')}</summary>
          <p>
            <code>{error.code}</code> {firstLine(error.message)}
          </p>
        </details>
      )}
    </div>
  );
}

/** A message is one line of text at most; anything beyond (such as a stack) is not for the admin. */
function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
