import { useState } from 'react';
import { useI18n } from '../i18n/index.js';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and says, in a live region, whether it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // The host may deny clipboard access; the admin can still select the text or download it.
      setState('failed');
    }
  };

  return (
    <span className="inline-action">
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="subtle">
        {state === 'copied' && t('copy.copied')}
        {state === 'failed' && t('copy.blocked')}
      </span>
    </span>
  );
}
