import { expect, test } from './fixtures/forge';
import { expectAccessible, matrix, screenshotScreen } from './admin-helpers';

test.describe('the first visit', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: explanation, the preview and three choices, with nothing chosen`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await expect(app.getByRole('heading', { name: 'What this app would share, and why' })).toBeVisible();
      await expect(app.getByRole('heading', { name: 'The report that would be sent now' })).toBeVisible();
      const choices = app.getByRole('region', { name: 'Your choice' }).getByRole('button');
      await expect(choices).toHaveText(['Send this report', 'Send automatically — don’t ask me again', 'Don’t send']);
      await expect(app.getByRole('radio', { checked: true })).toHaveCount(0);
      await expect(app.getByRole('checkbox', { checked: true })).toHaveCount(0);
      await expect(app.getByTestId('mode-label')).toHaveText('Not decided yet');
      await expect(app.locator('tr[data-field="site.product"]')).toContainText(product);
      await expect(app.locator('html')).toHaveAttribute('data-color-mode', theme);
      // Everything above came from one resolver round trip.
      expect((await runner.counters()).invocations.resolver).toBe(1);
      await expectAccessible(forge.page, 'first visit');
      await screenshotScreen(forge.page, `admin-first-visit-${product}-${theme}`);

      await app.getByRole('tab', { name: 'Exact bytes' }).click();
      await expect(app.getByText('(checked in your browser: matches these bytes)')).toBeVisible();
      await expectAccessible(forge.page, 'exact bytes');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-preview-bytes-${theme}`);
    });

    test(`${product}, ${theme}: a non-admin is refused and sees no data`, async ({ forge }) => {
      const app = await forge.open({ as: 'member', product, theme });
      await expect(app.getByRole('heading', { name: 'Only site administrators can use this page' })).toBeVisible();
      await expect(app.getByTestId('preview')).toHaveCount(0);
      await expect(app.getByRole('table')).toHaveCount(0);
      await expect(app.locator('body')).not.toContainText('usage-report/');
      await expectAccessible(forge.page, 'non-admin refusal');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-refusal-${theme}`);
    });
  }

  test('keyboard only: tabs move with the arrow keys and a choice can be made without a mouse', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira', theme: 'light' });
    await app.getByRole('tab', { name: 'Report' }).focus();
    await forge.page.keyboard.press('ArrowRight');
    await expect(app.getByRole('tab', { name: 'Settings' })).toBeFocused();
    await expect(app.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
    await forge.page.keyboard.press('Home');
    await expect(app.getByRole('tab', { name: 'Report' })).toHaveAttribute('aria-selected', 'true');
    await app.getByRole('button', { name: 'Don’t send' }).focus();
    await forge.page.keyboard.press('Enter');
    await expect(app.getByTestId('mode-label')).toHaveText('Don’t send');
  });

  test('the host switching theme re-themes the page live, keeping where the admin was', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'confluence', theme: 'light' });
    await app.getByRole('tab', { name: 'Settings' }).click();
    await forge.switchTheme('dark');
    await expect(app.locator('html')).toHaveAttribute('data-color-mode', 'dark');
    await expect(app.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
    const background = await app.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await expectAccessible(forge.page, 'settings after a live theme switch');
  });

  test('at a narrow width the page fits without sideways scrolling', async ({ forge }) => {
    await forge.page.setViewportSize({ width: 420, height: 900 });
    const app = await forge.open({ as: 'admin', product: 'confluence', theme: 'light' });
    await expect(app.getByRole('heading', { name: 'The report that would be sent now' })).toBeVisible();
    const overflow = await app.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshotScreen(forge.page, 'admin-first-visit-narrow-light');
  });
});
