import type { ReactNode } from 'react';
import type { en } from './en.js';

/** The plural categories Intl.PluralRules can select; a language uses some of them, and always `other`. */
export type PluralCategory = Intl.LDMLPluralRule;

/** A message that depends on a count: one text per plural category the language uses, `other` always. */
export type PluralMessage = { readonly [C in Exclude<PluralCategory, 'other'>]?: string } & { readonly other: string };

export type Message = string | PluralMessage;

type English = typeof en;

/** Every key of the catalog. English defines them; every language has exactly these. */
export type MessageKey = keyof English;

/** A complete language: a text where English has a text, plural forms where English has plural forms. */
export type Messages = { readonly [K in MessageKey]: English[K] extends string ? string : PluralMessage };

/** The texts of a message: itself, or each of its plural forms. */
type Texts<M> = M extends string ? M : M extends PluralMessage ? Exclude<M[keyof M], undefined> : never;

/** The `{placeholder}` names in a text type: `'Hi {name}'` gives `'name'`. */
export type PlaceholdersIn<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersIn<Rest> : never;

/** What a key's message needs filled in: its placeholders, and `count` when it is plural. */
export type PlaceholderOf<K> = K extends MessageKey
  ? PlaceholdersIn<Texts<English[K]>> | (English[K] extends string ? never : 'count')
  : never;

/** The parameters of a key: a number for `count` (it picks the plural form), text or a number (formatted for the locale) for the rest. */
export type ParamsOf<K> = { readonly [P in PlaceholderOf<K>]: P extends 'count' ? number : string | number };

/** The same, where a placeholder may be filled with markup: `rich('historyEntry.receipt', { receipt: <code>…</code>, time })`. */
export type RichParamsOf<K> = { readonly [P in PlaceholderOf<K>]: P extends 'count' ? number : ReactNode };

/** A key without placeholders takes no parameters; a key with them cannot be called without them. */
export type ArgsOf<K, Params> = [PlaceholderOf<K>] extends [never] ? [] : [params: Params];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * The compile-time half of the rule every language follows (test/i18n-messages.test.ts is the run-time
 * half, for languages written in plain JavaScript): every English key, no other key, the same shape,
 * and the same placeholders as English.
 */
type Shape<T> = { readonly [K in keyof T]: K extends MessageKey ? Messages[K] : unknown };
type SamePlaceholders<T> = {
  readonly [K in keyof T]: K extends MessageKey
    ? Same<PlaceholdersIn<Texts<T[K]>>, PlaceholdersIn<Texts<English[K]>>> extends true
      ? unknown
      : { 'uses other placeholders than English, which has': PlaceholdersIn<Texts<English[K]>> }
    : { 'is not a key of the English catalog': K };
};
type Complete<T> = { readonly [K in Exclude<MessageKey, keyof T>]: { 'is missing; English has it': K } };

/**
 * Declares a language: `export const fr = defineMessages({ 'app.title': 'Usage Reporting', … })`. A key
 * missing, a key English lacks, a text where English has plural forms, or a placeholder English does
 * not use is a compile error. The literal texts stay in the type, so `{ ...de, 'app.title': '…' }`
 * declares German with one message replaced.
 */
export function defineMessages<const T extends Readonly<Record<string, Message>>>(messages: T & Shape<T> & SamePlaceholders<T> & Complete<T>): T {
  return messages;
}
