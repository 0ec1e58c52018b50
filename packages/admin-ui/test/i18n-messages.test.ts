import { checkMessages } from '../src/i18n/check';
import { de } from '../src/i18n/messages/de';
import { en } from '../src/i18n/messages/en';
import { ja } from '../src/i18n/messages/ja';
import { placeholdersOf } from '../src/i18n/translate';

/**
 * Every shipped language says everything English says, with the same placeholders, in the plural
 * forms the language uses. defineMessages checks the same at compile time; this is the check that
 * holds for any catalog, typed or not, and the one that says exactly what is wrong.
 */
const shipped: Record<string, unknown> = { en, de, ja };

describe('the shipped languages', () => {
  test.each(Object.keys(shipped))('%s has exactly the English keys, shapes, placeholders and plural forms', (language) => {
    expect(checkMessages(shipped[language], language)).toEqual([]);
  });

  test('no key is the prefix of another, so the catalog also reads as nested JSON for a translation tool', () => {
    const keys = Object.keys(en);
    expect(keys.filter((key) => keys.some((other) => other.startsWith(`${key}.`)))).toEqual([]);
  });

  test('English texts are what a translator needs: no stray whitespace, and braces only around placeholder names', () => {
    for (const [key, message] of Object.entries(en)) {
      for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
        expect({ key, trimmed: text.trim() === text }).toEqual({ key, trimmed: true });
        expect({ key, braces: text.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, '').match(/[{}]/g) ?? [] }).toEqual({ key, braces: [] });
      }
    }
  });
});

describe('checkMessages', () => {
  // English with one key more: what a developer leaves behind who adds a message to en.ts only.
  const englishPlus = { ...en, 'app.subtitle': 'Consent first' } as Record<string, unknown>;

  test('fails for a language when English gains a key it lacks', () => {
    const { 'app.title': _title, ...withoutTitle } = de;
    expect(checkMessages(withoutTitle, 'de')).toEqual(['app.title: missing']);
    expect(Object.keys(englishPlus).filter((key) => !Object.hasOwn(de, key))).toEqual(['app.subtitle']);
  });

  test('names a key English lacks, a text where English has plural forms and the reverse', () => {
    expect(checkMessages({ ...de, 'app.subtitle': 'Einwilligung zuerst' }, 'de')).toEqual(['app.subtitle: not a key of the English catalog']);
    expect(checkMessages({ ...de, 'report.outbox': '{count} Berichte warten.' }, 'de')).toEqual(['report.outbox: English has plural forms here; give one, other']);
    expect(checkMessages({ ...de, 'app.title': { other: 'Usage Reporting' } }, 'de')).toEqual(['app.title: English has one text here, not plural forms']);
  });

  test('catches a placeholder renamed, dropped or added, in a text or across plural forms', () => {
    expect(checkMessages({ ...de, 'history.status.corrected': 'Korrigiert am {date}' }, 'de')).toEqual([
      'history.status.corrected: does not use {time}, which English uses',
      'history.status.corrected: uses {date}, which English does not'
    ]);
    expect(checkMessages({ ...de, 'report.outbox': { one: 'Ein Bericht wartet.', other: 'Mehrere Berichte warten.' } }, 'de')).toEqual([
      'report.outbox: does not use {count}, which English uses'
    ]);
    // `one` may leave the number out, as long as another form uses it.
    expect(checkMessages({ ...de, 'report.outbox': { one: 'Ein Bericht wartet.', other: '{count} Berichte warten.' } }, 'de')).toEqual([]);
    expect(checkMessages({ ...de, 'app.title': 'Usage Reporting {version}' }, 'de')).toEqual(['app.title: uses {version}, which English does not']);
  });

  test("holds each language to its own plural forms: German needs one and other, Japanese only other", () => {
    expect(checkMessages({ ...de, 'report.outbox': { other: '{count} Berichte warten.' } }, 'de')).toEqual(['report.outbox: lacks the plural form one']);
    const japanese = { ...ja, 'report.outbox': { one: '{count} 件', other: '{count} 件' } };
    expect(checkMessages(japanese, 'ja')).toEqual(['report.outbox: has plural form one, which the language does not use']);
  });

  test('refuses empty texts and what is not a catalog at all', () => {
    expect(checkMessages({ ...de, 'app.loading': '  ' }, 'de')).toEqual(['app.loading: has an empty text']);
    expect(checkMessages(null, 'de')).toEqual(['the de messages are not an object']);
  });

  test('placeholdersOf reads the names a text uses, once each', () => {
    expect(placeholdersOf('Requested {requested}. The app has tried {count} times; the next attempt is {next} ({count}).')).toEqual(['requested', 'count', 'next']);
    expect(placeholdersOf('No placeholders {here here}')).toEqual([]);
  });
});
