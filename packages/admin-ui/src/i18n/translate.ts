import type { Message, PluralMessage } from './messages/define.js';

/**
 * The run-time half of a message: find it, pick its plural form, fill its placeholders. Pure and
 * React-free; i18n.ts binds it to a language and a locale.
 */

/** One piece of a message text: literal text, or the name of a placeholder to fill. */
export type MessagePart = { text: string } | { placeholder: string };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a text uses, each once, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? ''))];
}

/** A text split at its placeholders: `'Hi {name}!'` is text `Hi `, placeholder `name`, text `!`. */
export function splitMessage(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ placeholder: match[1] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

export function isPluralMessage(value: unknown): value is PluralMessage {
  return typeof value === 'object' && value !== null && typeof (value as { other?: unknown }).other === 'string';
}

/** A message a language may use: a text, or plural forms with at least `other`. Anything else is as good as missing. */
export function usableMessage(value: unknown): Message | undefined {
  return typeof value === 'string' || isPluralMessage(value) ? value : undefined;
}

/** The text for a count: the language's form for it, or `other` where the language's translation has no such form. */
export function pluralText(message: PluralMessage, count: number, select: (count: number) => Intl.LDMLPluralRule): string {
  return message[select(count)] ?? message.other;
}

/**
 * A message text with its placeholders filled. A placeholder without a value stays visible as
 * `{name}`: a wrong call shows where it is wrong rather than silently dropping words.
 */
export function fillText(text: string, params: Readonly<Record<string, string | number>> | undefined, formatNumber: (n: number) => string): string {
  return splitMessage(text)
    .map((part) => {
      if ('text' in part) return part.text;
      const value = params?.[part.placeholder];
      if (value === undefined) return `{${part.placeholder}}`;
      return typeof value === 'number' ? formatNumber(value) : value;
    })
    .join('');
}
