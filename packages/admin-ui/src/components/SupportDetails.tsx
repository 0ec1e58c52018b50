import { useI18n } from '../i18n/index.js';

/**
 * The technical words about a failure, tucked away for a support request. The headline the admin
 * reads is always the page's plain sentence; this is only the first line, never a stack. A notice is
 * worded here in the admin's language around the transport's words; a stored `lastError` (a report's,
 * a rights request's) is the backend's English as it was recorded, for the vendor's support, who reads
 * English: it is not translated.
 */
export function SupportDetails({ text }: { text: string | null }) {
  const { t } = useI18n();
  const line = text?.split('\n', 1)[0]?.trim();
  if (!line) return null;
  return (
    <details className="error-details">
      <summary>{t('common.detailsForSupport')}</summary>
      <p>{line}</p>
    </details>
  );
}
