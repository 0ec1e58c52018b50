import { expect, test } from './fixtures/forge';
import { expectAccessible, matrix, screenshotScreen, storedConsent } from './admin-helpers';

test.describe('new fields in a newer report format', () => {
  // An installation that agreed to automatic reports when the format was 1.
  test.use({ seed: { values: { 'usage-reporting:consent': storedConsent({ mode: 'automatic', acceptedFormat: 1 }) } } });

  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: the banner lists them, they stay withheld until accepted`, async ({ forge }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      const banner = app.getByTestId('new-fields-banner');
      await expect(banner).toBeVisible();
      // Only the new fields this product's site can send: Jira's custom fields, Confluence's blog posts.
      const [newField, otherProducts] = product === 'jira' ? ['site.customFields', 'site.blogposts'] : ['site.blogposts', 'site.customFields'];
      await expect(banner.locator(`li[data-field="${newField}"]`)).toContainText(product === 'jira' ? 'custom fields' : 'blog posts');
      await expect(banner.locator(`li[data-field="${otherProducts}"]`)).toHaveCount(0);
      const row = app.locator(`tr[data-field="${newField}"]`);
      await expect(row).toHaveAttribute('data-kind', 'withheld');
      await expect(row).toContainText('New field you have not accepted yet');
      await expectAccessible(forge.page, 'new fields banner');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-new-fields-${theme}`);

      await banner.getByRole('button', { name: 'Accept the new fields' }).click();
      await expect(banner).toHaveCount(0);
      await expect(row).toHaveAttribute('data-kind', 'sent');
    });
  }
});
