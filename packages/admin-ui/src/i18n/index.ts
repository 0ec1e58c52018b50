/**
 * The admin page's words, in the admin's language. One catalog of messages (messages/en.ts is the
 * source of truth; de.ts and ja.ts are complete translations, loaded when a locale needs them), the
 * locale from the Forge host, English wherever a language lacks a message, and dates and numbers
 * formatted with Intl.
 */
export { createI18n, shippedLanguages, type I18n, type I18nOptions } from './i18n.js';
export { I18nProvider, useI18n, type I18nProviderProps } from './I18nProvider.js';
export { loadLanguages, shippedLanguageFor, useLanguages, type LanguagesState } from './load-languages.js';
export { readHostLocale, useHostLocale, type HostLocale, type HostLocaleState } from './host-locale.js';
export { FALLBACK_LANGUAGE, FALLBACK_LOCALE, normalizeLocale, resolveLocale, type ResolvedLocale } from './locale.js';
export { createFormatters, type DateInput, type Formatters } from './format.js';
export { placeholdersOf } from './translate.js';
export { checkMessages } from './check.js';
export {
  defineMessages,
  type Message,
  type MessageKey,
  type Messages,
  type ParamsOf,
  type PluralCategory,
  type PluralMessage,
  type RichParamsOf
} from './messages/define.js';
export { en } from './messages/en.js';
export { de } from './messages/de.js';
export { ja } from './messages/ja.js';
