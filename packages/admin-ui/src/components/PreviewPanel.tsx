import type { FieldInfo, PreviewOutput } from '@usage-reporting/core/api';
import { DraftViews } from './DraftViews.js';
import { useI18n } from '../i18n/index.js';

/** The next report, frozen: what a send would transmit now. */
export function PreviewPanel({ preview, fields }: { preview: PreviewOutput; fields: readonly FieldInfo[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="preview" data-draft-id={preview.draftId}>
      <h2 id="preview-title">{t('preview.heading')}</h2>
      <p className="subtle">{t('draft.validity', { created: formatDateTime(preview.createdAt), expires: formatDateTime(preview.expiresAt) })}</p>
      <DraftViews draft={preview} fields={fields} id="preview" label={t('preview.viewsLabel')} />
    </section>
  );
}
