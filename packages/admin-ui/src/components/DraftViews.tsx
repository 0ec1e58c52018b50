import { useState } from 'react';
import type { FieldInfo, PreviewOutput } from '@usage-reporting/core/api';
import { parseReportText } from '../lib/parse-report-text.js';
import { ExactBytesView } from './ExactBytesView.js';
import { ReadableReportTable } from './ReadableReportTable.js';
import { Tabs } from './Tabs.js';
import { useI18n } from '../i18n/index.js';

type View = 'readable' | 'bytes';

/**
 * A frozen draft in two views, used for the next report and for a correction alike. Both views are
 * drawn from the same text: the readable table parses the exact bytes, so what the admin reads is
 * what a send would transmit.
 */
export function DraftViews({ draft, fields, id, label }: {
  draft: PreviewOutput;
  fields: readonly FieldInfo[];
  /** Keeps this tab set's element ids apart from any other draft's on the page. */
  id: string;
  label: string;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<View>('readable');
  const views = [
    { key: 'readable', label: t('views.readable') },
    { key: 'bytes', label: t('views.bytes') }
  ] as const;
  const parsed = parseReportText(draft.text);
  return (
    <Tabs id={id} label={label} tabs={views} selected={view} onSelect={setView}>
      {view === 'readable' ? (
        parsed.ok ? (
          <ReadableReportTable report={parsed.report} fields={fields} caption={t('draft.readableCaption')} />
        ) : (
          <p className="notice notice-error" role="alert">
            {t('draft.unreadable', { problem: parsed.problem, tab: t('views.bytes') })}
          </p>
        )
      ) : (
        <ExactBytesView
          bytes={draft.text}
          digest={draft.digest}
          fileName={`usage-report-${draft.reportId}.json`}
          signing={{ keyFingerprint: draft.signingKeyFingerprint }}
        />
      )}
    </Tabs>
  );
}
