import { useCallback, useState, type FormEvent } from 'react';
import type { ConsentState } from '@usage-reporting/core';
import type { Cadence } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/useAction.js';
import { useI18n } from '../../i18n/index.js';

type ChosenMode = 'per-case' | 'automatic' | 'off';
const modes: readonly ChosenMode[] = ['per-case', 'automatic', 'off'];

/** How reports leave the site. Before the first decision no option is selected, so none is implied. */
export function ModeForm({ consent, refresh, onSaved }: { consent: ConsentState; refresh: () => Promise<void>; onSaved: (message: string) => void }) {
  const client = useClient();
  const { t } = useI18n();
  const [mode, setMode] = useState<ChosenMode | null>(consent.mode === 'not-asked' ? null : consent.mode);
  const [cadence, setCadence] = useState<Cadence>(consent.cadence);
  const save = useAction(
    useCallback(
      (input: { mode: ChosenMode; cadence: Cadence }) =>
        input.mode === 'automatic' ? client.setConsent(input) : client.setConsent({ mode: input.mode }),
      [client]
    )
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!mode) return;
    const result = await save.start({ mode, cadence });
    if (!result.ok) return;
    await refresh();
    onSaved(t('settings.mode.saved'));
  };
  const unchanged = mode === consent.mode && (mode !== 'automatic' || cadence === consent.cadence);

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="mode-title">
      <h3 id="mode-title">{t('settings.mode.heading')}</h3>
      <fieldset>
        <legend>{t('settings.mode.legend')}</legend>
        {modes.map((m) => (
          <p className="choice" key={m}>
            <input type="radio" id={`mode-${m}`} name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            <label htmlFor={`mode-${m}`}>
              {t(`mode.${m}.label`)} <span className="choice-hint">{t(`settings.mode.${m}.hint`)}</span>
            </label>
          </p>
        ))}
      </fieldset>
      {mode === 'automatic' && (
        <fieldset>
          <legend>{t('settings.mode.cadenceLegend')}</legend>
          {(['weekly', 'monthly'] as const).map((c) => (
            <p className="choice" key={c}>
              <input type="radio" id={`cadence-${c}`} name="cadence" value={c} checked={cadence === c} onChange={() => setCadence(c)} />
              <label htmlFor={`cadence-${c}`}>{t(`cadence.${c}.label`)}</label>
            </p>
          ))}
        </fieldset>
      )}
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title={t('settings.mode.failed')} />}
      <button type="submit" className="button button-primary" disabled={!mode || unchanged || save.state.status === 'running'}>
        {t('settings.mode.save')}
      </button>
    </form>
  );
}
