import { useI18n } from '../i18n/index.js';

/**
 * The backend's own words about a failure, tucked away for a support request. The headline the
 * admin reads is always the page's plain sentence; this is only the first line, never a stack.
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
