import type { FieldInfo } from '@usage-reporting/core/api';
import type { Report } from '@usage-reporting/core';
import { categoryLabel, describeWithheldReason, purposeLabel } from '../copy/labels.js';
import { formatValue, readableRows, type ReadableRow } from '../lib/readable-rows.js';

/**
 * The readable view of a frozen report: every field with what it means, why it is collected and
 * its value, and every withheld field with the reason. Built from the parsed bytes themselves.
 */
export function ReadableReportTable({ report, fields, caption }: { report: Report; fields: readonly FieldInfo[]; caption: string }) {
  const rows = readableRows(report, fields);
  return (
    <table className="data-table readable-report">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">What it says</th>
          <th scope="col">Category</th>
          <th scope="col">Purpose</th>
          <th scope="col">Value</th>
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
  return (
    <tr className={row.kind === 'withheld' ? 'row-withheld' : undefined} data-field={row.key} data-kind={row.kind}>
      <th scope="row" data-label="Field">
        <code>{row.key}</code>
      </th>
      <td data-label="What it says">{row.field?.description ?? 'Not described by this version of the app.'}</td>
      <td data-label="Category">{row.field ? categoryLabel[row.field.category] : 'Unknown'}</td>
      <td data-label="Purpose">{row.field ? purposeLabel[row.field.purpose] : 'Unknown'}</td>
      <td data-label="Value">
        {row.kind === 'sent' ? (
          <strong className="field-value">{formatValue(row.value)}</strong>
        ) : (
          <span className="withheld-badge">
            Withheld: <span className="withheld-reason">{describeWithheldReason(row.reason)}</span>
          </span>
        )}
      </td>
    </tr>
  );
}
