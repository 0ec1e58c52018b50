import { createI18n, shippedLanguages } from '../src/i18n/i18n';
import { defineMessages, type Messages } from '../src/i18n/messages/define';
import { de } from '../src/i18n/messages/de';
import { en } from '../src/i18n/messages/en';
import { ja } from '../src/i18n/messages/ja';

// createI18n is synchronous and speaks the catalogs it is given (English always): the page loads the
// shipped one a locale needs first (i18n-load-languages.test.tsx), these tests pass them.
const shipped = { de, ja };

describe('createI18n', () => {
  test('ships English, German and Japanese, each loaded when asked for', async () => {
    expect(Object.keys(shippedLanguages).sort()).toEqual(['de', 'en', 'ja']);
    await expect(Promise.all([shippedLanguages.en?.(), shippedLanguages.de?.(), shippedLanguages.ja?.()])).resolves.toEqual([en, de, ja]);
  });

  test('speaks the language of the locale and says which locale it formats in', () => {
    expect(createI18n({ locale: 'de-DE', languages: shipped })).toMatchObject({ language: 'de', locale: 'de-DE' });
    expect(createI18n({ locale: 'ja_JP', languages: shipped }).t('page.sections.history')).toBe('履歴');
    expect(createI18n({ locale: 'pt-BR', languages: shipped }).t('page.sections.history')).toBe('History');
    expect(createI18n().t('page.sections.history')).toBe('History');
  });

  test('speaks English, in English formats, for a locale whose catalog it was not given', () => {
    expect(createI18n({ locale: 'de-DE' })).toMatchObject({ language: 'en', locale: 'en-GB' });
    expect(createI18n({ locale: 'de-DE' }).t('page.sections.history')).toBe('History');
  });

  test('fills placeholders, formatting numbers for the locale', () => {
    const german = createI18n({ locale: 'de-DE', languages: shipped });
    expect(german.t('settings.restrictions.fieldsSummary', { shared: 12345, total: 20000 })).toBe('Einzelne Felder (12.345 von 20.000 werden weitergegeben)');
    expect(german.t('history.status.corrected', { time: german.formatDateTime('2026-12-03T09:05:00.000Z') })).toBe('Korrigiert am 3. Dez. 2026, 09:05 UTC');
    const english = createI18n();
    expect(english.t('history.status.corrected', { time: english.formatDateTime('2026-12-03T09:05:00.000Z') })).toBe('Corrected 3 Dec 2026, 09:05 UTC');
  });

  test('picks the plural form the language uses for the count', () => {
    const english = createI18n({ locale: 'en-US' });
    expect(english.t('report.outbox', { count: 1 })).toBe('1 report is waiting to be sent; the app retries automatically.');
    expect(english.t('report.outbox', { count: 1200 })).toBe('1,200 reports are waiting to be sent; the app retries automatically.');
    const german = createI18n({ locale: 'de-DE', languages: shipped });
    expect(german.t('vendorDeletion.pending.triedNextRun', { count: 1, requested: 'gestern' })).toBe(
      'Angefordert am gestern. Die App hat es einmal versucht; sie versucht es bei ihrem nächsten täglichen Lauf erneut.'
    );
    expect(german.t('history.purged', { count: 3 })).toBe('3 ältere Berichte wurden aufgrund Ihrer Aufbewahrungseinstellung aus diesem Verlauf entfernt.');
    expect(createI18n({ locale: 'ja-JP', languages: shipped }).t('history.purged', { count: 1 })).toBe('保持期間の設定により、古いレポート 1 件がこの履歴から削除されました。');
  });

  describe('a message missing at run time', () => {
    // A vendor's language written in plain JavaScript, or loaded from a file: nothing checked it.
    const partial = { 'app.title': 'Rapports d’utilisation', 'report.outbox': { one: '{count} rapport attend.' } } as unknown as Messages;

    test('is shown in English, never as its key, and reported to onMissing', () => {
      const missing: string[] = [];
      const french = createI18n({ locale: 'fr-FR', languages: { fr: partial }, onMissing: (key, language) => missing.push(`${language}:${key}`) });
      expect(french.language).toBe('fr');
      expect(french.t('app.title')).toBe('Rapports d’utilisation');
      expect(french.t('page.sections.history')).toBe('History');
      expect(missing).toEqual(['fr:page.sections.history']);
    });

    test('takes its plural form from the English rules when the English text is shown', () => {
      const japanese = createI18n({ locale: 'ja-JP', languages: { ja: { ...partial } } });
      // Japanese has only `other`; chosen by Japanese rules, English would read "1 reports".
      expect(japanese.t('history.purged', { count: 1 })).toBe('1 older report was removed from this history by your retention setting.');
    });

    test('falls back to `other` where a translation lacks the form the count needs, and to English where it is not a message at all', () => {
      const french = createI18n({ locale: 'fr', languages: { fr: { ...partial, 'app.loading': 42, 'report.outbox': { other: '{count} rapports attendent.' } } as unknown as Messages } });
      expect(french.t('report.outbox', { count: 1 })).toBe('1 rapports attendent.');
      expect(french.t('app.loading')).toBe('Loading Usage Reporting');
    });

    test('a key not even English has (only untyped code can ask) shows nothing rather than the key', () => {
      const missing: string[] = [];
      const german = createI18n({ locale: 'de', languages: shipped, onMissing: (key, language) => missing.push(`${language}:${key}`) });
      const untyped = german.t as (key: string) => string;
      expect(untyped('no.such.key')).toBe('');
      expect(untyped('toString')).toBe('');
      expect(missing).toEqual(['de:no.such.key', 'en:no.such.key', 'de:toString', 'en:toString']);
    });

    test('a placeholder given no value stays visible, so the wrong call can be found', () => {
      const untyped = createI18n().t as (key: string, params?: object) => string;
      expect(untyped('history.status.corrected', {})).toBe('Corrected {time}');
    });
  });

  test("a vendor can replace a shipped language's messages, and English is still the fallback", () => {
    const custom = defineMessages({ ...de, 'app.title': 'Nutzungsberichte' });
    expect(createI18n({ locale: 'de-CH', languages: { de: custom } }).t('app.title')).toBe('Nutzungsberichte');
    expect(createI18n({ locale: 'en', languages: { en: { 'app.title': 'Usage' } as unknown as Messages } }).t('page.sections.history')).toBe('History');
  });

  test('shows times in the time zone given, and in UTC when the zone is unknown', () => {
    expect(createI18n({ locale: 'ja-JP', languages: shipped, timeZone: 'Asia/Tokyo' }).formatDateTime('2026-12-03T09:05:00.000Z')).toBe('2026年12月3日 18:05 JST');
    expect(createI18n({ locale: 'en-GB', timeZone: 'Mars/Olympus_Mons' }).formatDateTime('2026-12-03T09:05:00.000Z')).toBe('3 Dec 2026, 09:05 UTC');
  });
});
