import type { MetricEntry } from './entry.js';

/**
 * A catalog entry's words in other languages, for the admin who reads them. The English
 * `description` stays the entry's own text, and nothing here reaches a report: buildReport reads
 * an entry's key, value type and collect function only.
 */
export interface EntryTranslation {
  /** The description in this language: one sentence an admin can understand. */
  description: string;
  /** Enum entries only: how a value reads in this language. The report still carries the value itself. */
  valueLabels?: Readonly<Record<string, string>>;
}

/** An entry's translations by BCP 47 language tag: `de`, `ja`, `pt-BR`. */
export type EntryTranslations = Readonly<Record<string, EntryTranslation>>;

/**
 * A catalog's translations the way a translator delivers them: one language, every key. makeCatalog
 * merges them into the entries (`makeCatalog(entries, { translations: { de, ja } })`).
 */
export type CatalogTranslations = Readonly<Record<string, Readonly<Record<string, EntryTranslation>>>>;

type Translatable = Pick<MetricEntry, 'description' | 'translations'>;
type Keyed = Pick<MetricEntry, 'key' | 'description' | 'translations'>;

/**
 * The tags to try for a locale, most specific first (RFC 4647 lookup): `de-AT` finds a `de-AT`
 * translation, else `de`. Forge writes locales as `de_DE`; tags compare without regard to case.
 */
export function lookupChain(locale: string | null | undefined): string[] {
  if (typeof locale !== 'string') return [];
  const subtags = locale.trim().replace(/_/g, '-').toLowerCase().split('-').filter((s) => s !== '');
  return subtags.map((_, i) => subtags.slice(0, subtags.length - i).join('-'));
}

/** The entry's translation for the locale, if it has a usable one. */
export function translationFor(entry: Translatable, locale: string | null | undefined): EntryTranslation | undefined {
  const translations = entry.translations;
  if (typeof translations !== 'object' || translations === null) return undefined;
  const byTag = new Map(Object.entries(translations).map(([tag, t]) => [tag.toLowerCase(), t] as const));
  for (const tag of lookupChain(locale)) {
    const found = byTag.get(tag);
    // A catalog made with makeCatalog never holds an empty one; an entry read from elsewhere might.
    if (found && typeof found.description === 'string' && found.description.trim() !== '') return found;
  }
  return undefined;
}

/** The entry's description in the locale's language, or its English description when it has none. */
export function describeEntry(entry: Translatable, locale: string | null | undefined): string {
  return translationFor(entry, locale)?.description ?? entry.description;
}

/** How an enum value reads in the locale's language; the value itself when there is no label for it. */
export function describeValue(entry: Translatable, value: string, locale: string | null | undefined): string {
  const label = translationFor(entry, locale)?.valueLabels?.[value];
  return typeof label === 'string' && label.trim() !== '' ? label : value;
}

/** The keys of the entries an admin in `locale` would read in English: for a vendor's test that a language is complete. */
export function missingTranslations(entries: readonly Keyed[], locale: string): string[] {
  return entries.filter((e) => translationFor(e, locale) === undefined).map((e) => e.key);
}

/**
 * The entries with a catalog-level map merged into each entry's own translations, so a catalog's
 * entries carry their words wherever they go (a vendor's catalog spreads `builtInMetrics`; the
 * collector re-makes a catalog from its entries). Expects a map checkCatalog accepted.
 */
export function mergeTranslations<E extends Keyed>(entries: readonly E[], map: CatalogTranslations): E[] {
  return entries.map((entry) => {
    const extra = Object.entries(map).flatMap(([tag, byKey]) => {
      const t = Object.hasOwn(byKey, entry.key) ? byKey[entry.key] : undefined;
      return t ? [[tag, t] as const] : [];
    });
    if (extra.length === 0) return entry;
    // A copy with the entry's own prototype: an entry whose collect is a class method keeps it.
    const copy: E = Object.assign(Object.create(Object.getPrototypeOf(entry) as object | null) as E, entry);
    copy.translations = { ...entry.translations, ...Object.fromEntries(extra) };
    return copy;
  });
}
