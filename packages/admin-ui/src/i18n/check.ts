import { en } from './messages/en.js';
import { isPluralMessage, placeholdersOf } from './translate.js';

/**
 * Everything wrong with a language, compared with English: the run-time twin of defineMessages's
 * compile-time check, for a catalog written in plain JavaScript or loaded from a file, and the test
 * every shipped language passes. Each problem names the key.
 *
 * - exactly English's keys: none missing, none extra;
 * - English's shape: plural forms where English has them, a text where it has a text;
 * - English's placeholders, no more and no fewer (over all plural forms together: `one` may say
 *   "once" where `other` says "{count} times");
 * - the plural forms the language uses (Intl.PluralRules), `other` always, and no others;
 * - no empty text.
 */
export function checkMessages(messages: unknown, language: string): string[] {
  if (typeof messages !== 'object' || messages === null) return [`the ${language} messages are not an object`];
  const given = messages as Record<string, unknown>;
  const english: Readonly<Record<string, unknown>> = en;
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const problems: string[] = [];
  for (const key of Object.keys(english)) if (!Object.hasOwn(given, key)) problems.push(`${key}: missing`);
  for (const key of Object.keys(given)) if (!Object.hasOwn(english, key)) problems.push(`${key}: not a key of the English catalog`);
  for (const [key, value] of Object.entries(given)) {
    const source = english[key];
    if (source === undefined) continue;
    problems.push(...checkMessage(key, value, source, categories));
  }
  return problems;
}

function checkMessage(key: string, value: unknown, source: unknown, categories: readonly string[]): string[] {
  const plural = isPluralMessage(source);
  if (plural && !isPluralMessage(value)) return [`${key}: English has plural forms here; give ${categories.join(', ')}`];
  if (!plural && typeof value !== 'string') return [`${key}: English has one text here, not plural forms`];
  const problems: string[] = [];
  const texts = textsOf(value);
  if (texts.some((t) => t.trim() === '')) problems.push(`${key}: has an empty text`);
  if (plural && typeof value === 'object' && value !== null) {
    if (Object.values(value).some((v) => typeof v !== 'string')) problems.push(`${key}: has a plural form that is not text`);
    const forms = Object.keys(value);
    const missing = categories.filter((c) => !forms.includes(c));
    const unused = forms.filter((f) => !categories.includes(f));
    if (missing.length > 0) problems.push(`${key}: lacks the plural form${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
    if (unused.length > 0) problems.push(`${key}: has plural form${unused.length === 1 ? '' : 's'} ${unused.join(', ')}, which the language does not use`);
  }
  const expected = new Set(textsOf(source).flatMap(placeholdersOf));
  const used = new Set(texts.flatMap(placeholdersOf));
  const lacking = [...expected].filter((p) => !used.has(p));
  const foreign = [...used].filter((p) => !expected.has(p));
  if (lacking.length > 0) problems.push(`${key}: does not use ${lacking.map((p) => `{${p}}`).join(', ')}, which English uses`);
  if (foreign.length > 0) problems.push(`${key}: uses ${foreign.map((p) => `{${p}}`).join(', ')}, which English does not`);
  return problems;
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).filter((v): v is string => typeof v === 'string');
}
