import { useCallback } from 'react';
import type { FieldInfo } from '@usage-reporting/core/api';
import { useClient } from '../api/client-context.js';
import { categoryLabel, purposeLabel } from '../copy/labels.js';
import { useAction } from '../hooks/useAction.js';
import { ErrorMessage } from './ErrorMessage.js';

/**
 * A newer report format adds fields. They stay out of every report, automatic ones included,
 * until the admin has read what they are and accepted them here.
 */
export function NewFieldsBanner({ fields, formatVersion, refresh }: {
  fields: readonly FieldInfo[];
  formatVersion: number;
  refresh: () => Promise<void>;
}) {
  const client = useClient();
  const accept = useAction(useCallback((version: number) => client.acceptFormat({ version }), [client]));
  const onAccept = async () => {
    const result = await accept.start(formatVersion);
    if (result.ok) await refresh();
  };
  return (
    <section className="notice notice-info new-fields" aria-labelledby="new-fields-title" data-testid="new-fields-banner">
      <h2 id="new-fields-title">This version of the app can report {fields.length === 1 ? 'a new field' : `${fields.length} new fields`}</h2>
      <p>Until you accept {fields.length === 1 ? 'it' : 'them'}, reports, including automatic ones, are sent without {fields.length === 1 ? 'it' : 'them'}.</p>
      <ul className="new-field-list">
        {fields.map((field) => (
          <li key={field.key} data-field={field.key}>
            <code>{field.key}</code>: {field.description}{' '}
            <span className="subtle">
              ({categoryLabel[field.category]}, for {purposeLabel[field.purpose].toLowerCase()})
            </span>
          </li>
        ))}
      </ul>
      {accept.state.status === 'failed' && <ErrorMessage error={accept.state.error} title="The new fields were not accepted" />}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={accept.state.status === 'running'} onClick={() => void onAccept()}>
          Accept the new fields
        </button>
      </div>
    </section>
  );
}
