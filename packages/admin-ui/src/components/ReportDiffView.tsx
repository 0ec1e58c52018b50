import type { Report } from '@usage-reporting/core';
import { purposeSchema } from '@usage-reporting/core';
import { describeWithheldReason, purposeLabel } from '../copy/labels.js';
import { formatValue } from '../lib/readable-rows.js';
import { diffReports, type FieldChange } from '../lib/report-diff.js';
import { withheldReasonSchema } from '@usage-reporting/core';

/** What changed from the previous report to this one, in words; unchanged fields are summarised. */
export function ReportDiffView({ previous, current }: { previous: Report | null; current: Report }) {
  if (!previous) return <p className="subtle">This is the first report sent from this site, so there is nothing to compare it with.</p>;
  const diff = diffReports(previous, current);
  if (diff.identical) return <p data-testid="diff-identical">Every field has the same value as in the previous report.</p>;
  const changes = diff.fields.filter((f) => f.kind !== 'unchanged');
  const unchanged = diff.fields.length - changes.length;
  return (
    <div className="report-diff">
      {diff.format && (
        <p>
          Report format changed from <code>{diff.format.before}</code> to <code>{diff.format.after}</code>.
        </p>
      )}
      {diff.purposes && (
        <p>
          Allowed purposes changed from {purposeWords(diff.purposes.before)} to {purposeWords(diff.purposes.after)}.
        </p>
      )}
      {changes.length > 0 && (
        <ul className="diff-list" aria-label="Changed fields">
          {changes.map((change) => (
            <li key={change.key} data-change={change.kind} data-field={change.key}>
              <DiffLine change={change} />
            </li>
          ))}
        </ul>
      )}
      <p className="subtle">
        {unchanged === 1 ? '1 other field is unchanged.' : `${unchanged} other fields are unchanged.`}
      </p>
    </div>
  );
}

function DiffLine({ change }: { change: FieldChange }) {
  const key = <code>{change.key}</code>;
  switch (change.kind) {
    case 'added':
      return (
        <>
          <span className="diff-tag diff-added">Added</span> {key}: {formatValue(change.after)}
        </>
      );
    case 'removed':
      return (
        <>
          <span className="diff-tag diff-removed">Removed</span> {key} (was {formatValue(change.before)})
          {change.withheldBecause && <>: {reasonWords(change.withheldBecause)}</>}
        </>
      );
    case 'changed':
      return (
        <>
          <span className="diff-tag diff-changed">Changed</span> {key}: {formatValue(change.before)} → {formatValue(change.after)}
        </>
      );
    case 'unchanged':
      return <>{key}</>;
  }
}

function reasonWords(reason: string): string {
  const known = withheldReasonSchema.safeParse(reason);
  return known.success ? `withheld, ${describeWithheldReason(known.data).toLowerCase()}` : 'withheld';
}

function purposeWords(purposes: readonly string[]): string {
  if (purposes.length === 0) return 'none';
  return purposes.map((p) => {
    const known = purposeSchema.safeParse(p);
    return known.success ? purposeLabel[known.data].toLowerCase() : p;
  }).join(' and ');
}
