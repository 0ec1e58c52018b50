import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createI18n, type I18n, type I18nOptions } from './i18n.js';
import { useLanguages } from './load-languages.js';

/** English, for a part used without a provider above it: the page reads as it always did. */
const I18nContext = createContext<I18n>(createI18n());

export interface I18nProviderProps extends I18nOptions {
  children?: ReactNode;
  /** Shown instead of the children while a shipped language's words load (German, Japanese). Default: nothing. */
  fallback?: ReactNode;
}

/**
 * The page's language and formats for everything below it. A shipped language the locale needs and
 * `languages` lacks is loaded first, so English never flashes before German: until then `fallback`.
 * Pass `languages` as a stable object (a module constant): a new object each render rebuilds the words.
 */
export function I18nProvider({ children, fallback = null, locale, languages, timeZone, onMissing }: I18nProviderProps) {
  const words = useLanguages(locale, languages);
  const ready = words.status === 'ready' ? words.languages : null;
  const i18n = useMemo(
    () => (ready === null ? null : createI18n({ locale, languages: ready, timeZone, onMissing })),
    [ready, locale, timeZone, onMissing]
  );
  if (i18n === null) return <>{fallback}</>;
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/** `{ t, rich, locale, language, formatDateTime, formatNumber, … }` for the nearest I18nProvider. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
