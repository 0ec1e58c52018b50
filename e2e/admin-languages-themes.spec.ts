import { de, en, ja, type Messages } from '@usage-reporting/admin-ui';
import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, screenshotScreen, themes } from './admin-helpers';

/**
 * The admin page's main screens in each language it speaks, in both themes: each one really in that
 * language, and accessible (axe, no serious or critical finding) with its words, whose lengths and
 * scripts differ. One runner per language and theme walks the screens in the order an admin would,
 * so each screen shows the state the last one left. German and Japanese pictures go to the README
 * (`admin-<screen>-<theme>-<language>.png`); the English ones are the other suites' (admin-first-visit,
 * admin-restrict, admin-automatic, admin-your-data), under the names they always had.
 */
const languages = [
  // A heading whose words the test knows, not the catalog: the check that the page left English.
  { language: 'en', locale: 'en-US', words: en, heading: 'What this app would share, and why' },
  { language: 'de', locale: 'de-DE', words: de, heading: 'Was diese App weitergeben würde und warum' },
  { language: 'ja', locale: 'ja-JP', words: ja, heading: 'このアプリが共有する内容とその理由' }
] as const;

/** A message with each `{placeholder}` matching any text, for finding a name that holds a time. */
function pattern(message: string): RegExp {
  return new RegExp(
    message
      .split(/\{[A-Za-z]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')
  );
}

test.describe("the admin's language, in both themes", () => {
  for (const { language, locale, words, heading } of languages) {
    for (const theme of themes) {
      test(`${language}, ${theme}: report, exact bytes, settings, history and your data, each accessible and in ${locale}`, async ({ forge, runner }) => {
        const w = (key: keyof Messages) => words[key] as string;
        // English's pictures are the other suites'; this one checks English and adds the other languages'.
        // The pointer leaves the page first, so no picture shows the last clicked control hovered.
        const picture = async (screen: string) => {
          if (language === 'en') return;
          await forge.page.mouse.move(0, 0);
          await screenshotScreen(forge.page, `admin-${screen}-${theme}-${language}`);
        };

        const app = await forge.open({ as: 'admin', product: 'jira', theme, locale });
        await expect(app.getByRole('heading', { name: heading })).toBeVisible();
        await expect(app.locator('main')).toHaveAttribute('lang', locale);
        await expect(app.locator('html')).toHaveAttribute('data-color-mode', theme);
        await expect(app.getByRole('heading', { name: w('preview.heading') })).toBeVisible();
        await expect(app.locator('tr[data-field="site.product"]')).toContainText('jira');
        await expectAccessible(forge.page, `first visit (${locale}, ${theme})`);
        await picture('first-visit-jira');

        await app.getByRole('tab', { name: w('views.bytes') }).click();
        await expect(app.getByText(w('bytes.digest.match'))).toBeVisible();
        await app.getByRole('button', { name: w('bytes.formatted') }).click();
        await expect(app.getByRole('button', { name: w('bytes.formatted') })).toHaveAttribute('aria-pressed', 'true');
        await expect(app.getByTestId('formatted-bytes')).toContainText('"format": "usage-report/');
        await expectAccessible(forge.page, `exact bytes, formatted (${locale}, ${theme})`);
        await picture('preview-formatted');

        await app.getByRole('region', { name: w('choices.heading') }).getByRole('button', { name: w('choices.sendOnce.button') }).click();
        await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
        await expect(app.getByTestId('mode-label')).toHaveText(w('mode.per-case.label'));
        expect(collectorReports(runner)).toHaveLength(1);

        await app.getByRole('tab', { name: w('page.sections.settings') }).click();
        await expect(app.getByRole('heading', { name: w('settings.restrictions.heading') })).toBeVisible();
        await expect(app.getByRole('radio', { name: pattern(w('mode.per-case.label')) })).toBeChecked();
        await app.getByLabel(pattern(w('settings.restrictions.share.usage'))).uncheck();
        await expectAccessible(forge.page, `settings (${locale}, ${theme})`);
        await picture('settings');
        await app.getByRole('button', { name: w('settings.restrictions.save') }).click();
        await expect(app.getByText(w('settings.restrictions.saved'))).toBeVisible();

        await app.getByRole('tab', { name: w('page.sections.history') }).click();
        const row = app.locator('tr[data-report-id]');
        await expect(row).toHaveCount(1);
        await expect(row).toHaveAttribute('data-status', 'sent');
        await row.getByRole('button', { name: pattern(w('history.showLabel')) }).click();
        await expect(app.getByTestId('history-entry')).toBeVisible();
        await expect(app.getByTestId('history-entry').getByRole('heading', { name: pattern(w('historyEntry.title.report')) })).toBeVisible();
        await expectAccessible(forge.page, `history (${locale}, ${theme})`);
        await picture('history');

        await app.getByRole('tab', { name: w('page.sections.data') }).click();
        await expect(app.getByRole('heading', { name: w('ledger.heading') })).toBeVisible();
        const ledger = app.getByTestId('ledger');
        await expect(ledger.locator('tr[data-action="set-consent"]')).toHaveCount(1);
        await expect(ledger.locator('tr[data-action="set-restrictions"]')).toHaveCount(1);
        await expect(ledger.locator('tr[data-action="set-consent"]')).toContainText(w('ledger.action.set-consent'));
        await expectAccessible(forge.page, `your data (${locale}, ${theme})`);
        await picture('your-data');
      });
    }
  }
});
