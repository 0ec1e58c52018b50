import { createFormatters } from '../src/i18n/format';
import { normalizeLocale, resolveLocale } from '../src/i18n/locale';

const shipped = ['en', 'de', 'ja'];

describe('resolveLocale', () => {
  test.each([
    ['de-DE', 'de', 'de-DE'],
    ['de_DE', 'de', 'de-DE'],
    ['de-AT', 'de', 'de-AT'],
    ['DE-de', 'de', 'de-DE'],
    ['ja-JP', 'ja', 'ja-JP'],
    ['ja_JP', 'ja', 'ja-JP'],
    ['en-US', 'en', 'en-US'],
    ['en', 'en', 'en-GB'],
    ['pt-BR', 'en', 'en-GB'],
    ['zh-TW', 'en', 'en-GB']
  ])('%s speaks %s and formats as %s', (raw, language, locale) => {
    expect(resolveLocale(raw, shipped)).toEqual({ language, locale });
  });

  test('anything that is not a locale is English, formatted as the page always was', () => {
    for (const raw of [undefined, null, '', '   ', 'not a locale!', 'de__DE', 42, {}]) {
      expect(resolveLocale(raw, shipped)).toEqual({ language: 'en', locale: 'en-GB' });
    }
  });

  test("a vendor's language is matched most specifically first", () => {
    expect(resolveLocale('pt-BR', [...shipped, 'pt', 'pt-BR'])).toEqual({ language: 'pt-BR', locale: 'pt-BR' });
    expect(resolveLocale('pt-PT', [...shipped, 'pt', 'pt-BR'])).toEqual({ language: 'pt', locale: 'pt-PT' });
    expect(resolveLocale('fr_FR', [...shipped, 'FR'])).toEqual({ language: 'FR', locale: 'fr-FR' });
  });

  test('normalizeLocale gives a canonical tag or null', () => {
    expect(normalizeLocale(' ja_jp ')).toBe('ja-JP');
    expect(normalizeLocale('no-NO')).toBe('no-NO');
    expect(normalizeLocale('x')).toBeNull();
  });
});

describe('createFormatters', () => {
  const moment = '2026-12-03T09:05:00.000Z';

  test('writes dates with the month names of the locale', () => {
    expect(createFormatters('de-DE').date(moment)).toBe('3. Dezember 2026');
    expect(createFormatters('de-AT').date('2026-01-15')).toBe('15. Jänner 2026');
    expect(createFormatters('ja-JP').date(moment)).toBe('2026年12月3日');
    expect(createFormatters('en-GB').date(moment)).toBe('3 December 2026');
  });

  test('writes a moment with its time zone; English keeps the format the page had before it was translated', () => {
    expect(createFormatters('en-GB').dateTime(moment)).toBe('3 Dec 2026, 09:05 UTC');
    expect(createFormatters('de-DE').dateTime(moment)).toBe('3. Dez. 2026, 09:05 UTC');
    expect(createFormatters('ja-JP').dateTime(moment)).toBe('2026年12月3日 9:05 UTC');
    expect(createFormatters('en-US').dateTime(moment)).toMatch(/^Dec 3, 2026, 9:05\sAM UTC$/);
    expect(createFormatters('de-DE', 'Europe/Berlin').dateTime(moment)).toBe('3. Dez. 2026, 10:05 MEZ');
  });

  test("shows a report period's day as that day, in any time zone", () => {
    expect(createFormatters('en-GB', 'America/Los_Angeles').date('2026-11-01')).toBe('1 November 2026');
    // ICU puts thin spaces around the dash.
    expect(createFormatters('de-DE').dateRange('2026-10-29', '2026-11-28')).toMatch(/^29\. Okt\.\s–\s28\. Nov\. 2026$/);
    expect(createFormatters('ja-JP').dateRange('2026-11-01', '2026-11-29')).toBe('2026/11/01～2026/11/29');
    expect(createFormatters('en-GB', 'America/Los_Angeles').dateRange('2026-11-29', '2026-11-01')).toMatch(/^1\s–\s29 Nov 2026$/);
  });

  test('writes numbers with the grouping of the locale', () => {
    expect(createFormatters('de-DE').number(12345)).toBe('12.345');
    expect(createFormatters('en-GB').number(12345)).toBe('12,345');
    expect(createFormatters('ja-JP').number(12345)).toBe('12,345');
    expect(createFormatters('de-DE').number(0.5)).toBe('0,5');
  });

  test('writes a relative time in the largest unit that fits', () => {
    const now = Date.parse(moment);
    const day = 24 * 3600 * 1000;
    expect(createFormatters('de-DE').relative(now + 3 * day, now)).toBe('in 3 Tagen');
    expect(createFormatters('ja-JP').relative(now + 3 * day, now)).toBe('3 日後');
    expect(createFormatters('en-GB').relative(now + day, now)).toBe('tomorrow');
    expect(createFormatters('de-DE').relative(now - 2 * 3600 * 1000, now)).toBe('vor 2 Stunden');
    expect(createFormatters('en-GB').relative(now - 400 * day, now)).toBe('last year');
  });

  test('joins lists and picks plural categories the way the language does', () => {
    expect(createFormatters('de-DE').list(['Produktverbesserung', 'Fehlerbehebung'])).toBe('Produktverbesserung und Fehlerbehebung');
    expect(createFormatters('ja-JP').list(['a', 'b', 'c'])).toBe('a、b、c');
    expect([1, 2].map(createFormatters('de-DE').plural)).toEqual(['one', 'other']);
    expect([1, 2].map(createFormatters('ja-JP').plural)).toEqual(['other', 'other']);
  });

  test('shows what cannot be read as a date as it came', () => {
    expect(createFormatters('de-DE').dateTime('not a time')).toBe('not a time');
    expect(createFormatters('de-DE').dateRange('x', '2026-11-01')).toBe('x – 2026-11-01');
  });

  describe('caching', () => {
    afterEach(() => jest.restoreAllMocks());

    test('builds each Intl formatter once, however many values it formats', () => {
      const built = jest.spyOn(Intl, 'DateTimeFormat');
      const numbers = jest.spyOn(Intl, 'NumberFormat');
      const format = createFormatters('de-DE');
      expect(built).not.toHaveBeenCalled();
      for (let day = 1; day <= 28; day++) format.dateTime(`2026-02-${String(day).padStart(2, '0')}T12:00:00.000Z`);
      for (let n = 0; n < 100; n++) format.number(n);
      expect(built).toHaveBeenCalledTimes(1);
      expect(numbers).toHaveBeenCalledTimes(1);
    });
  });
});
