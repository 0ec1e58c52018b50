import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, matrix, screenshotScreen } from './admin-helpers';

test.describe('your data', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: export downloads valid JSON, the ledger lists changes, erase starts over`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await app.getByRole('button', { name: 'Don’t send' }).click();
      await expect(app.getByTestId('mode-label')).toHaveText('Don’t send');
      await app.getByRole('tab', { name: 'Your data' }).click();

      await expect(app.getByTestId('ledger').locator('tr[data-action="set-consent"]')).toHaveCount(1);
      const [download] = await Promise.all([forge.page.waitForEvent('download'), app.getByRole('button', { name: 'Export as JSON' }).click()]);
      const file = await download.path();
      const exported: unknown = JSON.parse(await readFile(file, 'utf8'));
      expect(typeof exported).toBe('object');
      expect(JSON.stringify(exported)).toContain('"off"');
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const [vendorCopy] = await Promise.all([
        forge.page.waitForEvent('download'),
        app.getByRole('button', { name: 'Download the vendor’s copy' }).click()
      ]);
      const vendorJson: unknown = JSON.parse(await readFile(await vendorCopy.path(), 'utf8'));
      expect(typeof vendorJson).toBe('object');
      await expect(app.getByText('The vendor’s copy of this site’s data was downloaded.', { exact: false })).toBeVisible();
      await expectAccessible(forge.page, 'your data');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-your-data-${theme}`);

      await app.getByRole('button', { name: 'Erase all app data on this site' }).click();
      const dialog = app.getByRole('dialog', { name: 'Erase all app data on this site?' });
      await expect(dialog.getByRole('button', { name: 'Erase everything' })).toBeDisabled();
      await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
      await expectAccessible(forge.page, 'erase confirmation');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-erase-${theme}`);
      await dialog.getByRole('button', { name: 'Erase everything' }).click();
      await expect(app.getByTestId('outcome-erased')).toBeVisible();
      await expect(app.getByTestId('mode-label')).toHaveText('Not decided yet');
    });
  }
});

test.describe('asking the vendor to delete', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: asks first and says what will happen; cancelling sends nothing, confirming deletes at the vendor, and history says so`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await app.getByRole('button', { name: 'Send this report' }).click();
      await expect(app.getByTestId('send-receipt')).toBeVisible();
      expect(collectorReports(runner)).toHaveLength(1);
      await app.getByRole('tab', { name: 'Your data' }).click();

      const ask = app.getByRole('button', { name: 'Ask the vendor to delete this site’s data' });
      await ask.click();
      const dialog = app.getByRole('dialog', { name: 'Ask the vendor to delete this site’s data?' });
      await expect(dialog).toContainText('deletes every report this site has sent');
      await expect(dialog).toContainText('Nothing changes on this site');
      await expectAccessible(forge.page, 'vendor deletion confirmation');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-vendor-deletion-confirm-${theme}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      expect(collectorReports(runner)).toHaveLength(1);

      await ask.click();
      await dialog.getByRole('button', { name: 'Ask the vendor to delete', exact: true }).click();
      await expect(app.getByTestId('vendor-deletion')).toHaveAttribute('data-status', 'acknowledged');
      expect(collectorReports(runner)).toHaveLength(0);

      // History no longer says "Sent" for what the vendor deleted.
      await app.getByRole('tab', { name: 'History' }).click();
      const row = app.locator('tr[data-vendor-deleted="true"]');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Deleted by the vendor');
    });
  }
});
