import { expect, test } from './fixtures/forge';
import { expectAccessible, matrix, screenshotScreen, storedConsent } from './admin-helpers';

test.describe('restricting a category', () => {
  test.use({ seed: { values: { 'usage-reporting:consent': storedConsent({ mode: 'per-case' }) } } });

  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: the category leaves the next preview and is listed as withheld`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await expect(app.locator('tr[data-field="usage.adminPageOpened"]')).toHaveAttribute('data-kind', 'sent');

      await app.getByRole('tab', { name: 'Settings' }).click();
      await expect(app.getByRole('radio', { name: /Ask me each time/ })).toBeChecked();
      await app.getByLabel(/Share usage fields/).uncheck();
      await expectAccessible(forge.page, 'settings');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-settings-${theme}`);
      await app.getByRole('button', { name: 'Save restrictions' }).click();
      await expect(app.getByText('Saved. The preview now shows the report with these restrictions.')).toBeVisible();

      await app.getByRole('tab', { name: 'Report' }).click();
      const usageRows = app.locator('tr[data-field^="usage."]');
      await expect(usageRows.first()).toBeVisible();
      for (const row of await usageRows.all()) {
        await expect(row).toHaveAttribute('data-kind', 'withheld');
        await expect(row).toContainText('You excluded this category');
      }
      await app.getByRole('tab', { name: 'Exact bytes' }).click();
      const bytes = JSON.parse((await app.getByTestId('exact-bytes').textContent()) ?? '{}') as { fields: Record<string, unknown> };
      expect(Object.keys(bytes.fields).filter((k) => k.startsWith('usage.'))).toEqual([]);
      expect(Object.keys(bytes.fields).length).toBeGreaterThan(3);
    });
  }
});
