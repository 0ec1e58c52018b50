import { useCallback } from 'react';
import type { FieldInfo } from '@usage-reporting/core/api';
import { useClient } from '../api/client-context.js';
import { useAction } from '../hooks/useAction.js';
import { useI18n } from '../i18n/index.js';
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
  const { t } = useI18n();
  const accept = useAction(useCallback((version: number) => client.acceptFormat({ version }), [client]));
  const onAccept = async () => {
    const result = await accept.start(formatVersion);
    if (result.ok) await refresh();
  };
  return (
    <section className="notice notice-info new-fields" aria-labelledby="new-fields-title" data-testid="new-fields-banner">
      <h2 id="new-fields-title">{t('newFields.heading', { count: fields.length })}</h2>
      <p>{t('newFields.body', { count: fields.length })}</p>
      <ul className="new-field-list">
        {fields.map((field) => (
          <li key={field.key} data-field={field.key}>
            <code>{field.key}</code>: {field.description}{' '}
            <span className="subtle">
              {t('newFields.fieldMeta', { category: t(`category.${field.category}.label`), purpose: t(`purpose.${field.purpose}.inSentence`) })}
            </span>
          </li>
        ))}
      </ul>
      {accept.state.status === 'failed' && <ErrorMessage error={accept.state.error} title={t('newFields.acceptFailed')} />}
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={accept.state.status === 'running'} onClick={() => void onAccept()}>
          {t('newFields.accept')}
        </button>
      </div>
    </section>
  );
}
