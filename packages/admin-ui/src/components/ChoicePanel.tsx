import { useId, useState } from 'react';
import type { Cadence } from '@usage-reporting/core';
import { cadenceLabel } from '../copy/labels.js';

export type Choice = { kind: 'send-once' } | { kind: 'automatic'; cadence: Cadence } | { kind: 'off' };

/**
 * The three answers to "may this app share the report?". They are buttons, not a pre-filled form:
 * nothing is selected until the admin clicks one, so no choice is implied.
 */
export function ChoicePanel({ busy, onChoose }: { busy: boolean; onChoose: (choice: Choice) => void }) {
  const [cadence, setCadence] = useState<Cadence>('monthly');
  const cadenceId = useId();
  return (
    <section className="choices" aria-labelledby="choices-title">
      <h2 id="choices-title">Your choice</h2>
      <div className="choice-grid">
        <div className="choice-card">
          {/* All three carry the same weight: styling one as the default would nudge the admin towards it. */}
          <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'send-once' })}>
            Send this report
          </button>
          <p className="choice-hint">Sends the report above once. Next time, the app asks you again.</p>
        </div>
        <div className="choice-card">
          <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'automatic', cadence })}>
            Send automatically — don’t ask me again
          </button>
          <p className="choice-hint">
            <label htmlFor={cadenceId}>How often: </label>
            <select id={cadenceId} value={cadence} disabled={busy} onChange={(e) => setCadence(e.target.value === 'weekly' ? 'weekly' : 'monthly')}>
              <option value="weekly">{cadenceLabel.weekly}</option>
              <option value="monthly">{cadenceLabel.monthly}</option>
            </select>
          </p>
          <p className="choice-hint">A report like the one above is sent on that schedule. You can stop it at any time.</p>
        </div>
        <div className="choice-card">
          <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'off' })}>
            Don’t send
          </button>
          <p className="choice-hint">Nothing is sent. You can change this later under Settings.</p>
        </div>
      </div>
    </section>
  );
}
