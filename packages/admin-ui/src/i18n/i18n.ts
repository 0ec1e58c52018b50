import { createElement, Fragment, type ReactNode } from 'react';
import { createFormatters, type DateInput } from './format.js';
import { FALLBACK_LANGUAGE, resolveLocale } from './locale.js';
import type { ArgsOf, Message, MessageKey, Messages, ParamsOf, RichParamsOf } from './messages/define.js';
import { en } from './messages/en.js';
import { fillText, pluralText, splitMessage, usableMessage } from './translate.js';

/**
 * The languages the package ships, by BCP 47 language tag, each loaded when first needed: English is
 * in every build, and German or Japanese (about 9 KB gzipped each) reach only the admins who read
 * them, as a chunk of their own in a vendor's bundle. useLanguages and loadLanguages load the one
 * a locale needs; `de` and `ja` are also exported for a vendor who wants them in the entry.
 */
export const shippedLanguages: Readonly<Record<string, () => Promise<Messages>>> = {
  en: () => Promise.resolve(en),
  de: () => import('./messages/de.js').then((m) => m.de),
  ja: () => import('./messages/ja.js').then((m) => m.ja)
};

export interface I18nOptions {
  /** The admin's locale, as the host reports it (`de-DE`, `ja_JP`); English when absent or not spoken. */
  locale?: string | null;
  /**
   * The languages spoken besides English, by BCP 47 tag: `{ de, fr, 'pt-BR': ptBR }`. Each made with
   * defineMessages; a key one lacks at run time is shown in English. createI18n is synchronous, so
   * it speaks only the catalogs it is given: loadLanguages adds the shipped one a locale needs.
   */
  languages?: Readonly<Record<string, Messages>>;
  /** The IANA time zone times are shown in. Default UTC, which the page has always shown and names beside each time. */
  timeZone?: string | null;
  /** Told of each message the chosen language lacks, which is then shown in English: for a vendor's own checks. */
  onMissing?: (key: string, language: string) => void;
}

export interface I18n {
  /** The language messages come from (a key of the languages given). */
  readonly language: string;
  /** The BCP 47 locale dates and numbers are formatted in. */
  readonly locale: string;
  /** A message as text: `t('history.status.corrected', { time })`. Numbers are formatted for the locale. */
  t<K extends MessageKey>(key: K, ...args: ArgsOf<K, ParamsOf<K>>): string;
  /** A message whose placeholders may be markup: `rich('historyEntry.receipt', { receipt: <code>{id}</code>, time })`. */
  rich<K extends MessageKey>(key: K, ...args: ArgsOf<K, RichParamsOf<K>>): ReactNode;
  formatDate(value: DateInput): string;
  formatDateTime(value: DateInput): string;
  formatDateRange(from: DateInput, to: DateInput): string;
  formatNumber(value: number): string;
  formatRelative(value: DateInput, now?: DateInput): string;
  formatList(items: readonly string[]): string;
}

const validTimeZone = (zone: string | null | undefined): string => {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
};

/** The page's words and formats for one locale. Pure: the same options give the same words. */
export function createI18n(options: I18nOptions = {}): I18n {
  const languages: Readonly<Record<string, Messages>> = { en, ...options.languages };
  const { language, locale } = resolveLocale(options.locale, Object.keys(languages));
  const format = createFormatters(locale, validTimeZone(options.timeZone));
  // Plural forms follow the language of the text shown: an English fallback inside Japanese is still English.
  const englishFormat = language === FALLBACK_LANGUAGE ? format : createFormatters(FALLBACK_LANGUAGE);
  const chosen: Readonly<Record<string, unknown>> = languages[language] ?? en;
  const fallback: Readonly<Record<string, unknown>> = en;

  const find = (key: string): { message: Message; plural: (n: number) => Intl.LDMLPluralRule } | undefined => {
    const own = Object.hasOwn(chosen, key) ? usableMessage(chosen[key]) : undefined;
    if (own !== undefined) return { message: own, plural: format.plural };
    options.onMissing?.(key, language);
    const fromEnglish = Object.hasOwn(fallback, key) ? usableMessage(fallback[key]) : undefined;
    if (fromEnglish !== undefined) return { message: fromEnglish, plural: englishFormat.plural };
    if (language !== FALLBACK_LANGUAGE) options.onMissing?.(key, FALLBACK_LANGUAGE);
    return undefined;
  };

  // Never a raw key on screen: a key not even English has (only reachable from untyped code) shows nothing.
  const textOf = (key: string, params: Readonly<Record<string, unknown>> | undefined): string | undefined => {
    const found = find(key);
    if (!found) return undefined;
    if (typeof found.message === 'string') return found.message;
    const count = typeof params?.count === 'number' ? params.count : Number.NaN;
    return pluralText(found.message, count, found.plural);
  };

  return {
    language,
    locale,
    t: (key, ...args) => {
      const params = args[0] as Readonly<Record<string, string | number>> | undefined;
      const text = textOf(key, params);
      return text === undefined ? '' : fillText(text, params, format.number);
    },
    rich: (key, ...args) => {
      const params = args[0] as Readonly<Record<string, ReactNode>> | undefined;
      const text = textOf(key, params);
      if (text === undefined) return null;
      const nodes = splitMessage(text).map((part): ReactNode => {
        if ('text' in part) return part.text;
        const value = params?.[part.placeholder];
        if (value === undefined) return `{${part.placeholder}}`;
        return typeof value === 'number' ? format.number(value) : value;
      });
      return createElement(Fragment, null, ...nodes);
    },
    formatDate: format.date,
    formatDateTime: format.dateTime,
    formatDateRange: format.dateRange,
    formatNumber: format.number,
    formatRelative: format.relative,
    formatList: format.list
  };
}
