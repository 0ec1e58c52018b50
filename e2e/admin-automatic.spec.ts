import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, matrix, screenshotScreen } from './admin-helpers';

test.describe('automatic reports', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: choosing automatic, then the scheduled trigger, adds a history entry`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await app.getByLabel('How often:').selectOption('weekly');
      await app.getByRole('button', { name: 'Send automatically — don’t ask me again' }).click();
      await expect(app.getByTestId('mode-label')).toHaveText('Send automatically');
      await expect(app.getByTestId('mode-summary')).toContainText('weekly');

      const run = await forge.runScheduledTrigger();
      expect(run.ok, run.text).toBe(true);
      await forge.open({ as: 'admin', product, theme });
      await app.getByRole('tab', { name: 'History' }).click();
      const row = app.locator('tr[data-report-id]').first();
      await expect(row).toHaveAttribute('data-trigger', 'automatic');
      await expect(row).toHaveAttribute('data-status', 'sent');
      const stored = collectorReports(runner);
      expect(stored).toHaveLength(1);
      await expect(row).toContainText(stored[0]?.receiptId ?? 'missing');

      await row.getByRole('button', { name: /Show the report of/ }).click();
      await expect(app.getByTestId('history-entry')).toContainText('first report sent from this site');
      await app.getByTestId('history-entry').getByRole('tab', { name: 'Exact bytes' }).click();
      await expect(app.getByTestId('history-entry').getByTestId('exact-bytes')).toHaveText(stored[0]?.bytes ?? 'missing');
      await expectAccessible(forge.page, 'history');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-history-${theme}`);
    });
  }

  test('a second report shows a readable diff against the previous one', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira', theme: 'light' });
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    await app.getByRole('tab', { name: 'Settings' }).click();
    await app.getByLabel(/Share usage fields/).uncheck();
    await app.getByRole('button', { name: 'Save restrictions' }).click();
    await expect(app.getByText('Saved. The preview now shows the report with these restrictions.')).toBeVisible();
    await app.getByRole('tab', { name: 'Report' }).click();
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(2);
    await app.locator('tr[data-report-id]').first().getByRole('button', { name: /Show the report of/ }).click();
    const diff = app.getByRole('list', { name: 'Changed fields' });
    await expect(diff.locator('li[data-field="usage.adminPageOpened"]')).toContainText('withheld, you excluded this category');
    await screenshotScreen(forge.page, 'admin-history-diff-light');
  });
});
