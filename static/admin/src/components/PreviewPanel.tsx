import { useState } from 'react';
import type { FieldInfo, PreviewOutput } from '../../../../shared/api/resolvers';
import { parseReportText } from '../lib/parse-report-text';
import { ExactBytesView } from './ExactBytesView';
import { ReadableReportTable } from './ReadableReportTable';
import { Tabs } from './Tabs';

type View = 'readable' | 'bytes';
const views = [
  { key: 'readable', label: 'Readable view' },
  { key: 'bytes', label: 'Exact bytes' }
] as const;

/**
 * The frozen draft in two views. Both are drawn from the same text: the readable table parses the
 * exact bytes, so what the admin reads is what a send would transmit.
 */
export function PreviewPanel({ preview, fields }: { preview: PreviewOutput; fields: readonly FieldInfo[] }) {
  const [view, setView] = useState<View>('readable');
  const parsed = parseReportText(preview.text);
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="preview" data-draft-id={preview.draftId}>
      <h2 id="preview-title">The report that would be sent now</h2>
      <p className="subtle">
        Prepared {formatTime(preview.createdAt)}. This preview stays valid until {formatTime(preview.expiresAt)}.
      </p>
      <Tabs id="preview" label="Report views" tabs={views} selected={view} onSelect={setView}>
        {view === 'readable' ? (
          parsed.ok ? (
            <ReadableReportTable report={parsed.report} fields={fields} caption="Every field of the report, including fields that are withheld" />
          ) : (
            <p className="notice notice-error" role="alert">
              This report cannot be shown as a table ({parsed.problem}). The exact bytes are still shown under “Exact bytes”.
            </p>
          )
        ) : (
          <ExactBytesView
            bytes={preview.text}
            digest={preview.digest}
            fileName={`usage-report-${preview.reportId}.json`}
            signing={{ keyFingerprint: preview.signingKeyFingerprint }}
          />
        )}
      </Tabs>
    </section>
  );
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
