import { useCallback, useState, type FormEvent } from 'react';
import type { FieldInfo } from '@usage-reporting/core/api';
import { allPurposes, type Category, type Purpose } from '@usage-reporting/core';
import { normalizeRestrictions, type Restrictions } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { categoryExplanation, categoryLabel, purposeExplanation, purposeLabel } from '../../copy/labels.js';
import { useAction } from '../../hooks/useAction.js';

const categories: readonly Category[] = ['configuration', 'usage'];

/**
 * What may be shared, by category, by field and by purpose. Ticked means shared; unticking
 * withholds it from every following report, which then lists it as withheld with the reason.
 */
export function RestrictionsForm({ restrictions, fields, refresh, onSaved }: {
  restrictions: Restrictions;
  fields: readonly FieldInfo[];
  refresh: () => Promise<void>;
  onSaved: (message: string) => void;
}) {
  const client = useClient();
  const [draft, setDraft] = useState<Restrictions>(restrictions);
  const save = useAction(useCallback((r: Restrictions) => client.setRestrictions({ restrictions: r }), [client]));

  const toggle = <T extends string>(list: readonly T[], item: T, present: boolean): T[] =>
    present ? [...new Set([...list, item])] : list.filter((x) => x !== item);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.start(normalizeRestrictions(draft));
    if (!result.ok) return;
    await refresh();
    onSaved('Saved. The preview now shows the report with these restrictions.');
  };
  const noPurpose = draft.purposes.length === 0;
  const unchanged = JSON.stringify(normalizeRestrictions(draft)) === JSON.stringify(normalizeRestrictions(restrictions));

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="restrictions-title" data-testid="restrictions-form">
      <h3 id="restrictions-title">What may be shared</h3>
      <fieldset>
        <legend>Categories</legend>
        {categories.map((category) => (
          <p className="choice" key={category}>
            <input
              type="checkbox"
              id={`category-${category}`}
              checked={!draft.categories.includes(category)}
              onChange={(e) => setDraft({ ...draft, categories: toggle(draft.categories, category, !e.target.checked) })}
            />
            <label htmlFor={`category-${category}`}>
              Share {categoryLabel[category].toLowerCase()} fields <span className="choice-hint">{categoryExplanation[category]}</span>
            </label>
          </p>
        ))}
      </fieldset>
      <fieldset>
        <legend>Purposes the vendor may use reports for</legend>
        {allPurposes.map((purpose: Purpose) => (
          <p className="choice" key={purpose}>
            <input
              type="checkbox"
              id={`purpose-${purpose}`}
              checked={draft.purposes.includes(purpose)}
              onChange={(e) => setDraft({ ...draft, purposes: toggle(draft.purposes, purpose, e.target.checked) })}
            />
            <label htmlFor={`purpose-${purpose}`}>
              {purposeLabel[purpose]} <span className="choice-hint">{purposeExplanation[purpose]}</span>
            </label>
          </p>
        ))}
        {noPurpose && (
          <p className="notice notice-warning" role="alert">
            Keep at least one purpose. To share nothing at all, choose “Don’t send” or withdraw consent.
          </p>
        )}
      </fieldset>
      <details className="field-restrictions">
        <summary>Individual fields ({fields.length - draft.fields.length} of {fields.length} shared)</summary>
        <fieldset>
          <legend className="visually-hidden">Fields</legend>
          {fields.map((field) => (
            <p className="choice" key={field.key}>
              <input
                type="checkbox"
                id={`field-${field.key}`}
                checked={!draft.fields.includes(field.key)}
                onChange={(e) => setDraft({ ...draft, fields: toggle(draft.fields, field.key, !e.target.checked) })}
              />
              <label htmlFor={`field-${field.key}`}>
                <code>{field.key}</code> <span className="choice-hint">{field.description}</span>
              </label>
            </p>
          ))}
        </fieldset>
      </details>
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title="Restrictions were not saved" />}
      <button type="submit" className="button button-primary" disabled={noPurpose || unchanged || save.state.status === 'running'}>
        Save restrictions
      </button>
    </form>
  );
}
