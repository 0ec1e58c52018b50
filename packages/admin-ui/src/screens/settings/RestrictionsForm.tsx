import { useCallback, useState, type FormEvent } from 'react';
import type { FieldInfo, Product } from '@usage-reporting/core/api';
import { allPurposes, type Category, type Purpose } from '@usage-reporting/core';
import { normalizeRestrictions, type Restrictions } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';

const categories: readonly Category[] = ['configuration', 'usage'];

/**
 * What may be shared, by category, by field and by purpose. Ticked means shared; unticking
 * withholds it from every following report, which then lists it as withheld with the reason.
 */
export function RestrictionsForm({ restrictions, fields, product, refresh, onSaved }: {
  restrictions: Restrictions;
  /** The fields this installation's product can send: the backend leaves out the other product's. */
  fields: readonly FieldInfo[];
  product: Product;
  refresh: () => Promise<void>;
  onSaved: (message: string) => void;
}) {
  const client = useClient();
  const { t } = useI18n();
  const [draft, setDraft] = useState<Restrictions>(restrictions);
  const save = useAction(useCallback((r: Restrictions) => client.setRestrictions({ restrictions: r }), [client]));

  const toggle = <T extends string>(list: readonly T[], item: T, present: boolean): T[] =>
    present ? [...new Set([...list, item])] : list.filter((x) => x !== item);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.start(normalizeRestrictions(draft));
    if (!result.ok) return;
    await refresh();
    onSaved(t('settings.restrictions.saved'));
  };
  const noPurpose = draft.purposes.length === 0;
  // Counted over the fields listed: a stored restriction may name a field this product never sends.
  const sharedFields = fields.filter((field) => !draft.fields.includes(field.key)).length;
  const unchanged = JSON.stringify(normalizeRestrictions(draft)) === JSON.stringify(normalizeRestrictions(restrictions));

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="restrictions-title" data-testid="restrictions-form">
      <h3 id="restrictions-title">{t('settings.restrictions.heading')}</h3>
      <fieldset>
        <legend>{t('settings.restrictions.categories')}</legend>
        {categories.map((category) => (
          <p className="choice" key={category}>
            <input
              type="checkbox"
              id={`category-${category}`}
              checked={!draft.categories.includes(category)}
              onChange={(e) => setDraft({ ...draft, categories: toggle(draft.categories, category, !e.target.checked) })}
            />
            <label htmlFor={`category-${category}`}>
              {t(`settings.restrictions.share.${category}`)} <span className="choice-hint">{t(`category.${category}.explanation`)}</span>
            </label>
          </p>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.restrictions.purposes')}</legend>
        {allPurposes.map((purpose: Purpose) => (
          <p className="choice" key={purpose}>
            <input
              type="checkbox"
              id={`purpose-${purpose}`}
              checked={draft.purposes.includes(purpose)}
              onChange={(e) => setDraft({ ...draft, purposes: toggle(draft.purposes, purpose, e.target.checked) })}
            />
            <label htmlFor={`purpose-${purpose}`}>
              {t(`purpose.${purpose}.label`)} <span className="choice-hint">{t(`purpose.${purpose}.explanation`)}</span>
            </label>
          </p>
        ))}
        {noPurpose && (
          <p className="notice notice-warning" role="alert">
            {t('settings.restrictions.keepOnePurpose', { off: t('mode.off.label') })}
          </p>
        )}
      </fieldset>
      <details className="field-restrictions">
        <summary>{t('settings.restrictions.fieldsSummary', { shared: sharedFields, total: fields.length })}</summary>
        <fieldset>
          <legend className="visually-hidden">{t('settings.restrictions.fields')}</legend>
          <p className="subtle" data-testid="product-fields-note">
            {t('settings.restrictions.productFields', { product: t(`product.${product}`) })}
          </p>
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
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title={t('settings.restrictions.failed')} />}
      <button type="submit" className="button button-primary" disabled={noPurpose || unchanged || save.state.status === 'running'}>
        {t('settings.restrictions.save')}
      </button>
    </form>
  );
}
