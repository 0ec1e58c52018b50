import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_ADMIN_ACCOUNT_ID } from '@usage-reporting/forge-sim';
import { expect, test, type Product } from './fixtures/forge';
import { collectorReports, products } from './admin-helpers';

/**
 * The admin page in the browser, on the runner's simulated Jira and Confluence: the ledger's names
 * (looked up as the admin, shown and never kept), settings that list only the product's fields, the
 * empty first period explained, what a deletion at the vendor leaves in history, and one installation
 * per product.
 */
const ADMIN_NAME = 'Site Admin';
const siteFields: Record<Product, string[]> = {
  jira: ['site.projects', 'site.issueTypes', 'site.issues', 'site.customFields'],
  confluence: ['site.spaces', 'site.pages', 'site.blogposts']
};
const otherProduct = (product: Product): Product => (product === 'jira' ? 'confluence' : 'jira');
const installationOf = (bytes: string) => z.object({ installationId: z.string() }).parse(JSON.parse(bytes)).installationId;

test.describe('the admin page grows up', () => {
  for (const product of products) {
    test(`${product}: the ledger names who made each change; the name is never stored, exported or sent`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product });
      await app.getByRole('button', { name: 'Send this report' }).click();
      await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
      await app.getByRole('tab', { name: 'Your data' }).click();

      const ledger = app.getByTestId('ledger');
      const who = ledger.locator('tr[data-action="set-consent"] td[data-label="Who"]');
      await expect(who).toContainText(ADMIN_NAME);
      await expect(who).toContainText(DEFAULT_ADMIN_ACCOUNT_ID);
      await expect(who.locator('[data-account-status]')).toHaveAttribute('data-account-status', 'active');
      await expect(app.getByTestId('ledger-names-note')).toHaveText(/shown only on this page/);

      // What the app keeps on the site, as its own export shows it, and what the vendor received.
      const [download] = await Promise.all([forge.page.waitForEvent('download'), app.getByRole('button', { name: 'Export as JSON' }).click()]);
      const exported = await readFile(await download.path(), 'utf8');
      expect(exported).toContain(DEFAULT_ADMIN_ACCOUNT_ID);
      expect(exported).not.toContain(ADMIN_NAME);
      const received = collectorReports(runner);
      expect(received).toHaveLength(1);
      expect(received[0]!.bytes).not.toContain(ADMIN_NAME);
    });

    test(`${product}: the settings list the fields a ${product} site can send, and none of the other product's`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product });
      await app.getByRole('tab', { name: 'Settings' }).click();
      const form = app.getByTestId('restrictions-form');
      await form.locator('summary').click();
      await expect(form.getByTestId('product-fields-note')).toHaveText(`Only the fields a ${product === 'jira' ? 'Jira' : 'Confluence'} site can send are listed.`);
      const listed = await form.locator('input[id^="field-"]').evaluateAll((inputs) => inputs.map((i) => i.id.slice('field-'.length)));
      expect(listed).toEqual(expect.arrayContaining(siteFields[product]));
      expect(listed.filter((key) => siteFields[otherProduct(product)].includes(key))).toEqual([]);

      // Every field the preview carries can be restricted from here.
      await app.getByRole('tab', { name: 'Report' }).click();
      await app.getByRole('tab', { name: 'Exact bytes' }).click();
      const bytes = z.object({ fields: z.record(z.string(), z.unknown()) }).parse(JSON.parse((await app.getByTestId('exact-bytes').textContent()) ?? '{}'));
      expect(Object.keys(bytes.fields).filter((key) => !listed.includes(key))).toEqual([]);
    });

    test(`${product}: on the first day the report says why its usage counts are zero, and after a send why the next one is empty`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product });
      const note = app.getByTestId('period-note');
      await expect(note).toContainText('Usage counting started today');
      await expect(note).toContainText('its usage counts are zero');
      const today = new Date().toISOString().slice(0, 10);
      await expect(note).toHaveAttribute('data-period-start', today);
      await app.getByRole('tab', { name: 'Exact bytes' }).click();
      const report = z.object({ period: z.object({ from: z.string(), to: z.string() }) }).parse(JSON.parse((await app.getByTestId('exact-bytes').textContent()) ?? '{}'));
      expect(report.period).toEqual({ from: today, to: today });

      await app.getByRole('button', { name: 'Send this report' }).click();
      await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
      await expect(note).toContainText('The last report already covered every day up to today');
    });
  }

  test('deleting at the vendor: cancelling sends nothing; history marks what was deleted and when, and a later report stays Sent', async ({ forge, runner }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    const [deleted] = collectorReports(runner);

    await app.getByRole('tab', { name: 'Your data' }).click();
    const ask = app.getByRole('button', { name: 'Ask the vendor to delete this site’s data' });
    const dialog = app.getByRole('dialog', { name: 'Ask the vendor to delete this site’s data?' });
    await ask.click();
    await expect(dialog).toContainText('deletes every report this site has sent');
    const egressBefore = (await runner.counters()).egress;
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect((await runner.counters()).egress).toEqual(egressBefore);
    await expect(app.getByTestId('vendor-deletion')).toHaveCount(0);
    expect(collectorReports(runner)).toHaveLength(1);

    await ask.click();
    await dialog.getByRole('button', { name: 'Ask the vendor to delete', exact: true }).click();
    await expect(app.getByTestId('vendor-deletion')).toHaveAttribute('data-status', 'acknowledged');
    expect(collectorReports(runner)).toHaveLength(0);

    // A report sent after the deletion is not covered by it.
    await app.getByRole('tab', { name: 'Report' }).click();
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    const [later] = collectorReports(runner);

    await app.getByRole('tab', { name: 'History' }).click();
    const deletedRow = app.locator(`tr[data-report-id="${deleted!.reportId}"]`);
    await expect(deletedRow).toHaveAttribute('data-vendor-deleted', 'true');
    // With when, in the host's locale (the runner's is English (US): "Dec 3, 2026, 7:31 AM UTC").
    const year = new Date().getUTCFullYear();
    await expect(deletedRow.locator('[data-label="Status"]')).toHaveText(new RegExp(`^Deleted by the vendor \\S.*${year}.*\\d{1,2}:\\d{2}.*UTC$`));
    const laterRow = app.locator(`tr[data-report-id="${later!.reportId}"]`);
    await expect(laterRow.locator('[data-label="Status"]')).toHaveText('Sent');
    await expect(laterRow).not.toHaveAttribute('data-vendor-deleted', 'true');
  });

  test('Jira and Confluence are separate installations: each sends under its own installation id and lists only its own report', async ({ forge, runner }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    await forge.switchProduct('confluence');
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');

    const [jiraReport, confluenceReport] = collectorReports(runner);
    expect(installationOf(jiraReport!.bytes)).not.toBe(installationOf(confluenceReport!.bytes));

    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(1);
    await expect(app.locator(`tr[data-report-id="${confluenceReport!.reportId}"]`)).toHaveCount(1);
    await forge.switchProduct('jira');
    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(1);
    await expect(app.locator(`tr[data-report-id="${jiraReport!.reportId}"]`)).toHaveCount(1);
  });
});
