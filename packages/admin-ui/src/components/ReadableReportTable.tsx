import type { FieldInfo } from '@usage-reporting/core/api';
import { describeValue, type FieldValue, type Report } from '@usage-reporting/core';
import { useI18n, type I18n } from '../i18n/index.js';
import { readableRows, type ReadableRow } from '../lib/readable-rows.js';
import { FieldName } from './FieldName.js';
import { Lozenge } from './Lozenge.js';

/**
 * The readable view of a frozen report: every field with what it means, why it is collected and
 * its value, and every withheld field with the reason. Built from the parsed bytes themselves.
 */
export function ReadableReportTable({ report, fields, caption }: { report: Report; fields: readonly FieldInfo[]; caption: string }) {
  const { t } = useI18n();
  const rows = readableRows(report, fields);
  return (
    <table className="data-table readable-report">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="column-field">
            {t('readable.column.field')}
          </th>
          <th scope="col">{t('readable.column.meaning')}</th>
          <th scope="col">{t('readable.column.category')}</th>
          <th scope="col">{t('readable.column.purpose')}</th>
          <th scope="col">{t('readable.column.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ReadableRowView key={row.key} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function ReadableRowView({ row }: { row: ReadableRow }) {
  const i18n = useI18n();
  const { t, rich } = i18n;
  return (
    <tr className={row.kind === 'withheld' ? 'row-withheld' : undefined} data-field={row.key} data-kind={row.kind}>
      <th scope="row" data-label={t('readable.column.field')}>
        <FieldName name={row.key} />
      </th>
      <td data-label={t('readable.column.meaning')}>{row.field?.description ?? t('readable.notDescribed')}</td>
      <td data-label={t('readable.column.category')}>{row.field ? t(`category.${row.field.category}.label`) : t('readable.unknown')}</td>
      <td data-label={t('readable.column.purpose')}>{row.field ? t(`purpose.${row.field.purpose}.label`) : t('readable.unknown')}</td>
      <td data-label={t('readable.column.value')}>
        {row.kind === 'sent' ? (
          <ValueView field={row.field} value={row.value} />
        ) : (
          <Lozenge appearance="moved">
            {rich('readable.withheld', { reason: <span className="withheld-reason">{t(`withheld.${row.reason}.label`)}</span> })}
          </Lozenge>
        )}
      </td>
    </tr>
  );
}

/**
 * An enum value the catalog labels in the admin's language reads as that label, with the raw value
 * beside it: the raw value is what the report carries, so the admin can match it in the exact bytes.
 */
function ValueView({ field, value }: { field: FieldInfo | null; value: FieldValue }) {
  const i18n = useI18n();
  const label = field?.valueKind === 'enum' && typeof value === 'string' ? describeValue(field, value, i18n.locale) : null;
  if (label === null || label === value) return <strong className="field-value">{valueText(i18n, value)}</strong>;
  return (
    <>
      <strong className="field-value">{label}</strong> <code>{value}</code>
    </>
  );
}

/** A value as the admin reads it in their language: yes or no, a number with the locale's separators. */
function valueText({ t, formatNumber }: I18n, value: FieldValue): string {
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return formatNumber(value);
  return value;
}
