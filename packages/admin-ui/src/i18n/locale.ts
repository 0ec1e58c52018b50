/**
 * From the locale the host reports to the language the page speaks and the locale it formats in.
 * Forge reports `de-DE`, `ja-JP`, `pt-BR` (view.getContext().locale), and some hosts the older
 * underscore form `de_DE`; anything else, or nothing, is English.
 */

/** The language every message exists in, and the one the page falls back to. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * The locale English formats in when the host names no English locale: the page's formats before
 * it was translated (day month year, 24-hour clock). A host that says `en-US` gets US formats.
 */
export const FALLBACK_LOCALE = 'en-GB';

export interface ResolvedLocale {
  /** The catalog the page reads its messages from (a key of the languages it was given). */
  language: string;
  /** The BCP 47 locale dates and numbers are formatted in: the host's own when its language is spoken. */
  locale: string;
}

/** A well-formed BCP 47 tag in canonical case (`de-DE`) from the host's value, or null when it is none. */
export function normalizeLocale(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const tag = raw.trim().replace(/_/g, '-');
  if (tag === '') return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Which of `languages` to speak for a locale: the most specific match (`pt-BR` before `pt`), else
 * English. `de-AT` speaks `de` and still formats as `de-AT` (Jänner, not Januar).
 */
export function resolveLocale(raw: unknown, languages: readonly string[]): ResolvedLocale {
  const tag = normalizeLocale(raw);
  if (tag !== null) {
    const subtags = tag.split('-');
    for (let n = subtags.length; n > 0; n--) {
      const candidate = subtags.slice(0, n).join('-').toLowerCase();
      const language = languages.find((l) => l.toLowerCase() === candidate);
      if (language === undefined) continue;
      // A bare `en` (no region) keeps the page's own English formats.
      const locale = tag.toLowerCase() === FALLBACK_LANGUAGE ? FALLBACK_LOCALE : tag;
      return { language, locale };
    }
  }
  return { language: FALLBACK_LANGUAGE, locale: FALLBACK_LOCALE };
}
