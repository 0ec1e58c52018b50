import type { FieldInfo, PreviewOutput } from '@usage-reporting/core/api';
import { DraftViews } from './DraftViews.js';

/** The next report, frozen: what a send would transmit now. */
export function PreviewPanel({ preview, fields }: { preview: PreviewOutput; fields: readonly FieldInfo[] }) {
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="preview" data-draft-id={preview.draftId}>
      <h2 id="preview-title">The report that would be sent now</h2>
      <p className="subtle">
        Prepared {formatTime(preview.createdAt)}. This preview stays valid until {formatTime(preview.expiresAt)}.
      </p>
      <DraftViews draft={preview} fields={fields} id="preview" label="Report views" />
    </section>
  );
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
