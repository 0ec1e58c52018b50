import { useCallback, useId, useState, type FormEvent } from 'react';
import type { Settings } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';

const MIN_DAYS = 30;
const MAX_DAYS = 730;

/** How long this site keeps copies of sent reports in its history. */
export function RetentionForm({ settings, refresh, onSaved }: { settings: Settings; refresh: () => Promise<void>; onSaved: (message: string) => void }) {
  const client = useClient();
  const { t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const [days, setDays] = useState(String(settings.retentionDays));
  const save = useAction(useCallback((s: Settings) => client.setRetention(s), [client]));
  const parsed = Number(days);
  const valid = Number.isInteger(parsed) && parsed >= MIN_DAYS && parsed <= MAX_DAYS;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const result = await save.start({ retentionDays: parsed });
    if (!result.ok) return;
    await refresh();
    onSaved(t('settings.retention.saved'));
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('settings.retention.heading')}</h3>
      <p className="choice">
        <label htmlFor={inputId}>{t('settings.retention.label')}</label>{' '}
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={MIN_DAYS}
          max={MAX_DAYS}
          value={days}
          aria-describedby={hintId}
          aria-invalid={!valid}
          onChange={(e) => setDays(e.target.value)}
        />
      </p>
      <p id={hintId} className="choice-hint">
        {t('settings.retention.hint', { min: MIN_DAYS, max: MAX_DAYS })}
      </p>
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title={t('settings.retention.failed')} />}
      <button type="submit" className="button" disabled={!valid || parsed === settings.retentionDays || save.state.status === 'running'}>
        {t('settings.retention.save')}
      </button>
    </form>
  );
}
