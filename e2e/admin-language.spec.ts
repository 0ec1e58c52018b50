import { expect, test } from './fixtures/forge';
import { expectAccessible } from './admin-helpers';

/**
 * The admin's language end to end: the runner's host page reports the acting user's locale through
 * view.getContext() (`?locale=`), the page speaks it, and the metric catalog's own translations
 * describe the report's fields.
 */
test.describe("the admin's language", () => {
  test('German from the host: words, dates and field descriptions, and a switch to Japanese starts the app over in Japanese', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira', locale: 'de-DE' });
    await expect(app.getByRole('heading', { name: 'Was diese App weitergeben würde und warum' })).toBeVisible();
    await expect(app.locator('main')).toHaveAttribute('lang', 'de-DE');
    await expect(app.getByRole('region', { name: 'Ihre Wahl' }).getByRole('button')).toHaveText([
      'Diesen Bericht senden',
      'Automatisch senden – nicht mehr fragen',
      'Nicht senden'
    ]);
    await expect(app.getByTestId('preview')).toContainText(/Erstellt am \d{1,2}\. [A-Z][a-zä]+\.? \d{4}, \d{2}:\d{2} UTC\./);
    await expect(app.locator('tr[data-field="app.versionMajor"]')).toContainText('Die Hauptversionsnummer der App');
    await expectAccessible(forge.page, 'first visit in German');

    await forge.switchLocale('ja-JP');
    await expect(app.getByRole('heading', { name: 'このアプリが共有する内容とその理由' })).toBeVisible();
    await expect(app.getByTestId('preview')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2} UTC に作成されました。/);
    expect(new URL(forge.page.url()).searchParams.get('locale')).toBe('ja-JP');
  });

  test('a language the page does not speak is English', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira', locale: 'fr-FR' });
    await expect(app.getByRole('heading', { name: 'What this app would share, and why' })).toBeVisible();
    await expect(app.locator('main')).toHaveAttribute('lang', 'en-GB');
  });
});
