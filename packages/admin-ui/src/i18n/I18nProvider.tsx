import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createI18n, type I18n, type I18nOptions } from './i18n.js';

/** English, for a part used without a provider above it: the page reads as it always did. */
const I18nContext = createContext<I18n>(createI18n());

export interface I18nProviderProps extends I18nOptions {
  children?: ReactNode;
}

/**
 * The page's language and formats for everything below it. Pass `languages` as a stable object (a
 * module constant): a new object each render rebuilds the words.
 */
export function I18nProvider({ children, locale, languages, timeZone, onMissing }: I18nProviderProps) {
  const i18n = useMemo(() => createI18n({ locale, languages, timeZone, onMissing }), [locale, languages, timeZone, onMissing]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/** `{ t, rich, locale, language, formatDate, formatDateTime, formatNumber, … }` for the nearest I18nProvider. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
