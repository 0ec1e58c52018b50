import { useEffect, useMemo, useState } from 'react';
import { shippedLanguages } from './i18n.js';
import { FALLBACK_LANGUAGE, resolveLocale } from './locale.js';
import type { Messages } from './messages/define.js';

type Languages = Readonly<Record<string, Messages>>;

/**
 * The shipped language a locale is spoken in when `languages` does not already give it (`de` for
 * `de-AT`), or null: English is always at hand, and a vendor's catalog for the locale wins.
 */
export function shippedLanguageFor(locale: unknown, languages: Languages = {}): string | null {
  const { language } = resolveLocale(locale, [...Object.keys(languages), ...Object.keys(shippedLanguages)]);
  if (language === FALLBACK_LANGUAGE || Object.hasOwn(languages, language)) return null;
  return Object.hasOwn(shippedLanguages, language) ? language : null;
}

/** One shipped catalog, or null when it did not load (a chunk the network lost). */
async function loadShipped(language: string): Promise<Messages | null> {
  try {
    return (await shippedLanguages[language]?.()) ?? null;
  } catch (error) {
    // As with the host's locale: the words are not worth failing the page over; it is in English.
    console.warn(`Usage Reporting: the page's words in ${language} did not load; the page is in English`, error);
    return null;
  }
}

/**
 * `languages` and the shipped catalog the locale needs, ready for createI18n: `{ ...languages, de }`
 * for `de-DE`. When that catalog does not load, `languages` as given, so the page is in English.
 */
export async function loadLanguages(locale: string | null | undefined, languages: Languages = {}): Promise<Languages> {
  const language = shippedLanguageFor(locale, languages);
  const messages = language === null ? null : await loadShipped(language);
  return language === null || messages === null ? languages : { ...languages, [language]: messages };
}

export type LanguagesState = { status: 'loading' } | { status: 'ready'; languages: Languages | undefined };

/**
 * loadLanguages as a hook: ready at once when nothing needs loading (English, or a catalog given),
 * otherwise loading until the shipped catalog arrives. The ready `languages` object stays the same
 * between renders while its inputs do, so a provider given it does not rebuild its words.
 */
export function useLanguages(locale: string | null | undefined, languages?: Languages): LanguagesState {
  const language = shippedLanguageFor(locale, languages);
  const [loaded, setLoaded] = useState<{ language: string; messages: Messages | null } | null>(null);
  useEffect(() => {
    if (language === null) return;
    let live = true;
    void loadShipped(language).then((messages) => live && setLoaded({ language, messages }));
    return () => {
      live = false;
    };
  }, [language]);
  return useMemo((): LanguagesState => {
    if (language === null) return { status: 'ready', languages };
    if (loaded?.language !== language) return { status: 'loading' };
    return { status: 'ready', languages: loaded.messages === null ? languages : { ...languages, [language]: loaded.messages } };
  }, [language, loaded, languages]);
}
