import { useId, useState } from 'react';
import type { Cadence } from '@usage-reporting/core';
import { useI18n } from '../i18n/index.js';

export type Choice = { kind: 'send-once' } | { kind: 'automatic'; cadence: Cadence } | { kind: 'off' };

/**
 * The three answers to "may this app share the report?". They are buttons, not a pre-filled form:
 * nothing is selected until the admin clicks one, so no choice is implied.
 */
export function ChoicePanel({ busy, onChoose }: { busy: boolean; onChoose: (choice: Choice) => void }) {
  const { t } = useI18n();
  const [cadence, setCadence] = useState<Cadence>('monthly');
  const cadenceId = useId();
  return (
    <section className="choices" aria-labelledby="choices-title">
      <h2 id="choices-title">{t('choices.heading')}</h2>
      <div className="choice-grid">
        <div className="choice-card">
          {/* All three carry the same weight: styling one as the default would nudge the admin towards it. */}
          <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'send-once' })}>
            {t('choices.sendOnce.button')}
          </button>
          <p className="choice-hint">{t('choices.sendOnce.hint')}</p>
        </div>
        <div className="choice-card">
          <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'automatic', cadence })}>
            {t('choices.automatic.button')}
          </button>
          <p className="choice-hint">
            <label htmlFor={cadenceId}>{t('choices.automatic.howOften')} </label>
            <select id={cadenceId} value={cadence} disabled={busy} onChange={(e) => setCadence(e.target.value === 'weekly' ? 'weekly' : 'monthly')}>
              <option value="weekly">{t('cadence.weekly.label')}</option>
              <option value="monthly">{t('cadence.monthly.label')}</option>
            </select>
          </p>
          <p className="choice-hint">{t('choices.automatic.hint')}</p>
        </div>
        <div className="choice-card">
          <button type="button" className="button" disabled={busy} onClick={() => onChoose({ kind: 'off' })}>
            {t('choices.off.button')}
          </button>
          <p className="choice-hint">{t('choices.off.hint')}</p>
        </div>
      </div>
    </section>
  );
}
