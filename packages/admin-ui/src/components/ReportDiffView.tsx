import type { Report } from '@usage-reporting/core';
import { purposeSchema, withheldReasonSchema } from '@usage-reporting/core';
import { useI18n, type I18n } from '../i18n/index.js';
import { formatValue } from '../lib/readable-rows.js';
import { diffReports, type FieldChange } from '../lib/report-diff.js';

/** What changed from the previous report to this one, in words; unchanged fields are summarised. */
export function ReportDiffView({ previous, current }: { previous: Report | null; current: Report }) {
  const i18n = useI18n();
  const { t, rich } = i18n;
  if (!previous) return <p className="subtle">{t('diff.first')}</p>;
  const diff = diffReports(previous, current);
  if (diff.identical) return <p data-testid="diff-identical">{t('diff.identical')}</p>;
  const changes = diff.fields.filter((f) => f.kind !== 'unchanged');
  const unchanged = diff.fields.length - changes.length;
  return (
    <div className="report-diff">
      {diff.format && <p>{rich('diff.formatChanged', { before: <code>{diff.format.before}</code>, after: <code>{diff.format.after}</code> })}</p>}
      {diff.purposes && <p>{t('diff.purposesChanged', { before: purposeWords(i18n, diff.purposes.before), after: purposeWords(i18n, diff.purposes.after) })}</p>}
      {changes.length > 0 && (
        <ul className="diff-list" aria-label={t('diff.changedFields')}>
          {changes.map((change) => (
            <li key={change.key} data-change={change.kind} data-field={change.key}>
              <DiffLine change={change} i18n={i18n} />
            </li>
          ))}
        </ul>
      )}
      <p className="subtle">{t('diff.unchanged', { count: unchanged })}</p>
    </div>
  );
}

function DiffLine({ change, i18n }: { change: FieldChange; i18n: I18n }) {
  const { t, rich } = i18n;
  const key = <code>{change.key}</code>;
  const value = (v: Parameters<typeof formatValue>[0]) => formatValue(v, i18n);
  switch (change.kind) {
    case 'added':
      return (
        <>
          <span className="diff-tag diff-added">{t('diff.tag.added')}</span> {rich('diff.line.added', { key, after: value(change.after) })}
        </>
      );
    case 'removed':
      return (
        <>
          <span className="diff-tag diff-removed">{t('diff.tag.removed')}</span>{' '}
          {change.withheldBecause
            ? rich('diff.line.removedWithheld', { key, before: value(change.before), reason: reasonWords(i18n, change.withheldBecause) })
            : rich('diff.line.removed', { key, before: value(change.before) })}
        </>
      );
    case 'changed':
      return (
        <>
          <span className="diff-tag diff-changed">{t('diff.tag.changed')}</span> {rich('diff.line.changed', { key, before: value(change.before), after: value(change.after) })}
        </>
      );
    case 'unchanged':
      return <>{key}</>;
  }
}

/** A reason this page does not know (a newer backend's) still says the field was withheld. */
function reasonWords({ t }: I18n, reason: string): string {
  const known = withheldReasonSchema.safeParse(reason);
  return known.success ? t('diff.withheldBecause', { reason: t(`withheld.${known.data}.inSentence`) }) : t('diff.withheld');
}

function purposeWords({ t, formatList }: I18n, purposes: readonly string[]): string {
  if (purposes.length === 0) return t('diff.purposesNone');
  return formatList(
    purposes.map((p) => {
      const known = purposeSchema.safeParse(p);
      return known.success ? t(`purpose.${known.data}.inSentence`) : p;
    })
  );
}
