import { useCallback, useState, type FormEvent } from 'react';
import type { ConsentState } from '@usage-reporting/core';
import type { Cadence } from '@usage-reporting/core';
import { useClient } from '../../api/client-context.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { cadenceLabel } from '../../copy/labels.js';
import { useAction } from '../../hooks/useAction.js';

type ChosenMode = 'per-case' | 'automatic' | 'off';
const modes: readonly { mode: ChosenMode; label: string; hint: string }[] = [
  { mode: 'per-case', label: 'Ask me each time', hint: 'Nothing leaves until you review a report and click send.' },
  { mode: 'automatic', label: 'Send automatically', hint: 'A report is sent on the schedule below, without asking.' },
  { mode: 'off', label: 'Don’t send', hint: 'No reports leave this site.' }
];

/** How reports leave the site. Before the first decision no option is selected, so none is implied. */
export function ModeForm({ consent, refresh, onSaved }: { consent: ConsentState; refresh: () => Promise<void>; onSaved: (message: string) => void }) {
  const client = useClient();
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
    onSaved('Sharing choice saved.');
  };
  const unchanged = mode === consent.mode && (mode !== 'automatic' || cadence === consent.cadence);

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="mode-title">
      <h3 id="mode-title">Sharing</h3>
      <fieldset>
        <legend>How reports are sent</legend>
        {modes.map((m) => (
          <p className="choice" key={m.mode}>
            <input type="radio" id={`mode-${m.mode}`} name="mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            <label htmlFor={`mode-${m.mode}`}>
              {m.label} <span className="choice-hint">{m.hint}</span>
            </label>
          </p>
        ))}
      </fieldset>
      {mode === 'automatic' && (
        <fieldset>
          <legend>How often</legend>
          {(['weekly', 'monthly'] as const).map((c) => (
            <p className="choice" key={c}>
              <input type="radio" id={`cadence-${c}`} name="cadence" value={c} checked={cadence === c} onChange={() => setCadence(c)} />
              <label htmlFor={`cadence-${c}`}>{cadenceLabel[c]}</label>
            </p>
          ))}
        </fieldset>
      )}
      {save.state.status === 'failed' && <ErrorMessage error={save.state.error} title="Sharing was not changed" />}
      <button type="submit" className="button button-primary" disabled={!mode || unchanged || save.state.status === 'running'}>
        Save sharing choice
      </button>
    </form>
  );
}
