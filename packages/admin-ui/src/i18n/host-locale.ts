import { useLayoutEffect, useState } from 'react';
import { loadBridge, type ForgeBridge } from '../bridge/load-bridge.js';

/** What the Forge host says about the admin: their locale and time zone, each null when it does not say. */
export interface HostLocale {
  locale: string | null;
  timeZone: string | null;
}

const textField = (value: unknown, name: string): string | null => {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof field === 'string' && field.trim() !== '' ? field : null;
};

/**
 * Asks the host for the admin's locale (view.getContext()). Outside a Forge frame, or when the host
 * refuses, the page is in English: the words are not worth failing the page over, so the reason is
 * logged and the page goes on.
 */
export async function readHostLocale(load: () => Promise<Pick<ForgeBridge, 'view'>> = loadBridge, asked?: Promise<unknown>): Promise<HostLocale> {
  try {
    const context: unknown = await (asked ?? load().then(({ view }) => view.getContext()));
    return { locale: textField(context, 'locale'), timeZone: textField(context, 'timezone') };
  } catch (error) {
    console.warn('Usage Reporting: the host did not give the admin’s locale; the page is in English', error);
    return { locale: null, timeZone: null };
  }
}

export type HostLocaleState = { status: 'loading' } | { status: 'ready'; host: HostLocale };

/**
 * The host's locale for a page that waits for it before showing words (so it does not flash English
 * first). Disabled, it is ready at once with nothing: the page then speaks the locale it was given.
 * `asked`: the host's answer to a getContext already on its way (first-screen.ts), read instead of asking.
 */
export function useHostLocale(enabled = true, load?: () => Promise<Pick<ForgeBridge, 'view'>>, asked?: Promise<unknown>): HostLocaleState {
  const [state, setState] = useState<HostLocaleState>(enabled ? { status: 'loading' } : { status: 'ready', host: { locale: null, timeZone: null } });
  // As useAdminPage: read as the page mounts, so an answer already in hand costs no frame.
  useLayoutEffect(() => {
    if (!enabled) return;
    let live = true;
    void readHostLocale(load, asked).then((host) => live && setState({ status: 'ready', host }));
    return () => {
      live = false;
    };
  }, [enabled, load, asked]);
  return state;
}
