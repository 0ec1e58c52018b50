import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, matrix, screenshotScreen, storedConsent } from './admin-helpers';

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
      await expect(app.getByTestId('mode-label')).toHaveText('Don’t send');
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

test.describe('a deletion request the vendor has not acknowledged yet', () => {
  // Withdrawn earlier, while the vendor's server was down: the request is stored, pending, and due for a retry.
  test.use({
    seed: {
      values: {
        'usage-reporting:consent': storedConsent({ mode: 'off', revision: 3 }),
        'usage-reporting:vendor:deletion': {
          status: 'pending',
          requestedAt: '2026-11-20T08:00:00.000Z',
          attempts: 2,
          nextAttemptAt: '2026-11-21T08:00:00.000Z',
          lastError: 'could not reach the collector: connect ECONNREFUSED',
          acknowledgement: null
        }
      }
    }
  });

  for (const { product, theme } of [
    { product: 'jira', theme: 'light' },
    { product: 'confluence', theme: 'dark' }
  ] as const) {
    test(`${product}, ${theme}: shows as pending, with the reason, until the daily retry is acknowledged`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      const status = app.getByTestId('vendor-deletion');
      await expect(status).toHaveAttribute('data-status', 'pending');
      await expect(status).toContainText('The app has tried 2 times; it will try again on its next daily run.');
      await expect(status).toContainText('The last attempt did not get an answer from the vendor.');
      await expectAccessible(forge.page, 'pending deletion');
      await screenshotScreen(forge.page, `admin-deletion-pending-${theme}`);

      const run = await forge.runScheduledTrigger();
      expect(run.ok, run.text).toBe(true);
      await status.getByRole('button', { name: 'Check again' }).click();
      await expect(app.getByTestId('vendor-deletion')).toHaveCount(0);
      await app.getByRole('tab', { name: 'Settings' }).click();
      await expect(app.getByTestId('vendor-deletion')).toHaveAttribute('data-status', 'acknowledged');
    });
  }
});
