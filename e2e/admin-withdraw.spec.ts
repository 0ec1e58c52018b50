import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, matrix, screenshotScreen } from './admin-helpers';

test.describe('withdrawing consent', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: with a deletion request, shown until the vendor acknowledges it`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await app.getByRole('button', { name: 'Send this report' }).click();
      await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
      expect(collectorReports(runner)).toHaveLength(1);

      await app.getByRole('button', { name: 'Withdraw consent' }).first().click();
      const dialog = app.getByRole('dialog', { name: 'Withdraw consent?' });
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await dialog.getByLabel('Also ask the vendor to delete data already sent from this site').check();
      await expectAccessible(forge.page, 'withdraw confirmation');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-withdraw-${theme}`);
      await dialog.getByRole('button', { name: 'Withdraw consent' }).click();

      await expect(app.getByTestId('outcome-withdrawn')).toContainText('The vendor has been asked to delete');
      await expect(app.getByTestId('mode-label')).toHaveText("Don't send");
      await expect(app.getByRole('button', { name: 'Withdraw consent' })).toHaveCount(0);

      // The request goes out at once; if the vendor did not answer, the daily job retries it.
      await app.getByRole('tab', { name: 'Settings' }).click();
      const status = app.getByTestId('vendor-deletion');
      await expect(status).toHaveAttribute('data-status', /pending|acknowledged/);
      if ((await status.getAttribute('data-status')) === 'pending') {
        await forge.runScheduledTrigger();
        await forge.open({ as: 'admin', product, theme });
        await app.getByRole('tab', { name: 'Settings' }).click();
      }
      await expect(app.getByTestId('vendor-deletion')).toHaveAttribute('data-status', 'acknowledged');
      await expect(app.getByTestId('vendor-deletion')).toContainText('1 report deleted');
      expect(collectorReports(runner)).toHaveLength(0);
      await expectAccessible(forge.page, 'deletion acknowledged');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-deletion-acknowledged-${theme}`);
    });
  }
});
