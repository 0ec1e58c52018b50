import { useState } from 'react';
import type { Tab } from './tabs';

/** The admin page: a heading, one tab per section, the chosen section below. */
export function App({ tabs }: { tabs: readonly Tab[] }) {
  const [current, setCurrent] = useState(tabs[0]?.id);
  const shown = tabs.find((t) => t.id === current) ?? tabs[0];
  return (
    <main>
      <h1>Single sign-on</h1>
      <div role="tablist" aria-label="Sections">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={t.id === shown?.id} aria-controls={`panel-${t.id}`} onClick={() => setCurrent(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {shown && (
        <div role="tabpanel" id={`panel-${shown.id}`} aria-labelledby={`tab-${shown.id}`}>
          {shown.render()}
        </div>
      )}
    </main>
  );
}
