import { createI18n } from '../src/i18n/i18n';
import { defineMessages } from '../src/i18n/messages/define';
import { de } from '../src/i18n/messages/de';

/**
 * The compile-time half of the catalog's rules. Each `@ts-expect-error` below is a line the type
 * check (`tsc --noEmit`) must refuse: if a type stops refusing it, the directive is unused and the
 * type check fails. At run time the lines only have to not throw.
 */
test('t refuses an unknown key, a missing parameter and a count that is not a number', () => {
  const { t, rich } = createI18n();
  // @ts-expect-error a key the catalog does not have
  t('page.sections.everything');
  // @ts-expect-error a message with a placeholder needs its value
  t('history.status.corrected');
  // @ts-expect-error and needs the placeholder it names, not another
  t('history.status.corrected', { date: 'today' });
  // @ts-expect-error the count picks the plural form: a number, not text
  t('report.outbox', { count: '2' });
  // @ts-expect-error rich fills the same placeholders
  rich('historyEntry.receipt', { receipt: 'r-1' });
  const purpose = 'troubleshooting' as 'troubleshooting' | 'product-improvement';
  // A key built from a vocabulary value type-checks when every value has its message.
  expect(t(`purpose.${purpose}.label`)).toBe('Troubleshooting');
  expect(t('report.outbox', { count: 2 })).toBe('2 reports are waiting to be sent; the app retries automatically.');
});

test('defineMessages refuses a language that lacks a key, adds one, changes a placeholder or a shape', () => {
  const { 'app.title': _title, ...withoutTitle } = de;
  // @ts-expect-error every English key is required
  defineMessages(withoutTitle);
  // @ts-expect-error a key English does not have
  defineMessages({ ...de, 'app.subtitle': 'Einwilligung zuerst' });
  // @ts-expect-error the placeholders must be English's
  defineMessages({ ...de, 'history.status.corrected': 'Korrigiert am {date}' });
  // @ts-expect-error plural forms where English has plural forms
  defineMessages({ ...de, 'report.outbox': '{count} Berichte warten' });
  // @ts-expect-error and one text where English has one text
  defineMessages({ ...de, 'app.title': { other: 'Usage Reporting' } });
  // Reordering placeholders, or leaving the count out of `one`, is what translations do.
  const custom = defineMessages({ ...de, 'app.title': 'Nutzungsberichte', 'report.outbox': { one: 'Ein Bericht wartet.', other: '{count} Berichte warten.' } });
  expect(custom['app.title']).toBe('Nutzungsberichte');
});
