/**
 * Dates, numbers, lists and relative times in the admin's locale, with Intl. Building an Intl
 * formatter is the costly part (a table of 300 history rows would build 300), so each Formatters
 * keeps the ones it has built; i18n.ts makes one per locale and time zone.
 */
export type DateInput = Date | string | number;

export interface Formatters {
  readonly locale: string;
  /** The zone times are shown in. The page has always shown UTC, and says so beside each time. */
  readonly timeZone: string;
  /** A day: `3 December 2026`, `3. Dezember 2026`, `2026年12月3日`. */
  date(value: DateInput): string;
  /** A moment, with its zone: `3 Dec 2026, 09:05 UTC`, `3. Dez. 2026, 09:05 UTC`, `2026年12月3日 9:05 UTC`. */
  dateTime(value: DateInput): string;
  /** A span of days, such as a report's period: `1–29 Nov 2026`, `01.–29.11.2026`. */
  dateRange(from: DateInput, to: DateInput): string;
  number(value: number): string;
  /** A moment relative to now, in the largest unit that fits: `in 3 days`, `vor 2 Stunden`, `3 日後`, `tomorrow`. */
  relative(value: DateInput, now?: DateInput): string;
  /** `a, b and c`, `a, b und c`, `a、b、c`. */
  list(items: readonly string[]): string;
  /** The plural category of a count in this locale, as Intl.PluralRules selects it. */
  plural(count: number): Intl.LDMLPluralRule;
}

/** A report period's day (`2026-11-01`) is a calendar day, not a moment: it is shown as that day in any time zone. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (value: DateInput): Date => (value instanceof Date ? value : new Date(value));
const isDay = (value: DateInput): boolean => typeof value === 'string' && DAY.test(value);

const SECOND = 1000;
const units: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600 * SECOND],
  ['month', 30 * 24 * 3600 * SECOND],
  ['week', 7 * 24 * 3600 * SECOND],
  ['day', 24 * 3600 * SECOND],
  ['hour', 3600 * SECOND],
  ['minute', 60 * SECOND],
  ['second', SECOND]
];

/** Builds a value once, on first use. */
function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

export function createFormatters(locale: string, timeZone = 'UTC'): Formatters {
  const dayFormat = lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }));
  const zonedDayFormat = lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone }));
  const rangeFormat = lazy(() => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }));
  const momentFormat = lazy(
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' })
  );
  const numberFormat = lazy(() => new Intl.NumberFormat(locale));
  const relativeFormat = lazy(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const listFormat = lazy(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  const pluralRules = lazy(() => new Intl.PluralRules(locale));

  // What cannot be read as a date is shown as it came: better a raw timestamp than "Invalid Date".
  const guarded = (value: DateInput, format: (d: Date) => string): string => {
    const date = toDate(value);
    return Number.isNaN(date.getTime()) ? String(value) : format(date);
  };

  return {
    locale,
    timeZone,
    date: (value) => guarded(value, (d) => (isDay(value) ? dayFormat() : zonedDayFormat()).format(d)),
    dateTime: (value) => guarded(value, (d) => momentFormat().format(d)),
    dateRange: (from, to) => {
      const start = toDate(from);
      const end = toDate(to);
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${String(from)} – ${String(to)}`;
      return start <= end ? rangeFormat().formatRange(start, end) : rangeFormat().formatRange(end, start);
    },
    number: (value) => numberFormat().format(value),
    relative: (value, now = Date.now()) =>
      guarded(value, (d) => {
        const diff = d.getTime() - toDate(now).getTime();
        const [unit, size] = units.find(([, ms]) => Math.abs(diff) >= ms) ?? ['second', SECOND];
        return relativeFormat().format(Math.round(diff / size), unit);
      }),
    list: (items) => listFormat().format(items),
    plural: (count) => pluralRules().select(count)
  };
}
