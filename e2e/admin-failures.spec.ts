import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, matrix, screenshotScreen } from './admin-helpers';

/** What no admin should ever read: programmer's words from a stack trace or an error dump. */
const technical = /\bat [\w.<>]+ \(|\.ts:\d+|\w*Error\b|ECONN|ENOTFOUND|undefined|\{"/;

test.describe('failures, in plain words', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: the vendor's server down queues the report, and says why it waits`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await forge.setCollectorReachable(false);
      await app.getByRole('button', { name: 'Send this report' }).click();

      const outcome = app.getByTestId('send-receipt');
      await expect(outcome).toHaveAttribute('data-outcome', 'queued');
      await expect(outcome).toContainText('The report is waiting to be sent');
      // innerText: what is rendered, so the backend's wording folded into "Details for support" is not counted.
      expect(await outcome.innerText()).not.toMatch(technical);
      await expect(app.getByTestId('outbox-summary')).toContainText('1 report is waiting to be sent');
      expect(collectorReports(runner)).toHaveLength(0);
      await expectAccessible(forge.page, 'send queued');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-send-queued-${theme}`);

      await app.getByRole('tab', { name: 'History' }).click();
      await expect(app.locator('tr[data-report-id]')).toHaveAttribute('data-status', 'pending');

      // The outbox retries with backoff on the scheduled trigger; the row says why it is still waiting.
      await expect(app.locator('tr[data-report-id]')).toContainText('Waiting to be sent');
      expect(await app.locator('tr[data-report-id]').innerText()).not.toMatch(technical);
    });
  }

  test('a withdrawal while the vendor is down keeps the deletion pending, with the reason, until it is acknowledged', async ({ forge, runner }) => {
    const app = await forge.open({ as: 'admin', product: 'confluence', theme: 'dark' });
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');

    await forge.setCollectorReachable(false);
    await app.getByRole('button', { name: 'Withdraw consent' }).first().click();
    const dialog = app.getByRole('dialog', { name: 'Withdraw consent?' });
    await dialog.getByLabel('Also ask the vendor to delete data already sent from this site').check();
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(app.getByTestId('outcome-withdrawn')).toBeVisible();

    const status = app.getByTestId('vendor-deletion');
    await expect(status).toHaveAttribute('data-status', 'pending');
    await expect(status).toContainText('Deletion requested, not yet confirmed by the vendor');
    expect(collectorReports(runner)).toHaveLength(1);

    await forge.setCollectorReachable(true);
    // Not due yet: the daily job waits for the backoff, so the admin's "Check again" alone does not resend it.
    await status.getByRole('button', { name: 'Check again' }).click();
    await expect(status).toHaveAttribute('data-status', 'pending');
    await app.getByRole('tab', { name: 'Your data' }).click();
    await app.getByRole('button', { name: 'Ask the vendor to delete this site’s data' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Ask the vendor to delete', exact: true }).click();
    await expect(app.getByTestId('vendor-deletion')).toHaveAttribute('data-status', 'acknowledged');
    expect(collectorReports(runner)).toHaveLength(0);
  });

  // The collector is plain backend egress (Atlassian's analytics tool policy): the site admin's
  // analytics switch does not apply to it, so the failure a site can meet is the collector out of reach.
  test('with the collector out of reach, a send says so without technical detail', async ({ forge, runner }) => {
    const app = await forge.open({ as: 'admin', product: 'jira', theme: 'light' });
    await forge.setCollectorReachable(false);
    await app.getByRole('button', { name: 'Send this report' }).click();
    const outcome = app.getByTestId('send-receipt').or(app.getByText('The report was not sent'));
    await expect(outcome.first()).toBeVisible();
    const words = (await app.locator('.notice').allInnerTexts()).join('\n');
    expect(words).not.toMatch(technical);
    expect(collectorReports(runner)).toHaveLength(0);
  });
});
