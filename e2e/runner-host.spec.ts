import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures/forge';

/**
 * The local runner's product page as a developer uses it: one installation per product, the
 * scheduled trigger's outcome in words with the app showing what the run left, and an app frame that
 * grows with its content, so the product page's content area scrolls, never the app inside its frame;
 * and actions wait while the frame settles to a new size (bridge-shim.ts).
 */
test.describe('the local runner', () => {
  test('Jira and Confluence are separate installations: a report sent in Jira is not in Confluence’s history', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await app.getByRole('button', { name: 'Send this report' }).click();
    await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(1);

    await forge.switchProduct('confluence');
    // Confluence's installation has never been asked: its first visit, and nothing sent.
    await expect(app.getByTestId('mode-label')).toHaveText('Not decided yet');
    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.getByTestId('history-empty')).toBeVisible();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(0);

    await forge.switchProduct('jira');
    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(1);
  });

  test('"Run scheduled trigger now" says in words what the run did, in full, and the reloaded app shows it', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await app.getByLabel('How often:').selectOption('weekly');
    await app.getByRole('button', { name: 'Send automatically — don’t ask me again' }).click();
    await expect(app.getByTestId('mode-summary')).toContainText('The next one is due now');

    const run = await forge.runScheduledTrigger({ reloadApp: true });
    expect(run.ok, run.text).toBe(true);
    expect(run.text).toMatch(/^Scheduled trigger ran at [^:]+:\d\d(:\d\d)?( [AP]M)?: automatic report sent \(report [0-9a-f-]{36}\)[;.]/);
    expect(run.text).toMatch(/ The app was reloaded to show it\.$/);
    // Wrapped, not cut: the whole line is in view, however long.
    const result = forge.page.locator('#scheduled-result');
    expect(await result.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    await expect(app.getByTestId('mode-summary')).toContainText(/The next one is due (?!now)/);
    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.locator('tr[data-report-id]')).toHaveCount(1);
    await expect(app.locator('tr[data-report-id]')).toHaveAttribute('data-trigger', 'automatic');

    // The next run has nothing to send, and says so.
    const again = await forge.runScheduledTrigger();
    expect(again.text).toContain('nothing due: no automatic report (the cadence has not come round yet)');
  });

  test('the app frame grows with its content: the page scrolls, the app inside its frame does not', async ({ forge }) => {
    const app = await forge.open({ as: 'admin', product: 'jira' });
    await expect(app.getByRole('button', { name: 'Send this report' })).toBeVisible();
    await expectAppFitsItsFrame(forge.page, app);
    const reportHeight = await frameHeight(forge.page);
    // The report and its preview are longer than the window: the frame grew past it, and the product
    // page's content area scrolls.
    const main = forge.page.locator('#app-container');
    expect(reportHeight).toBeGreaterThan(await main.evaluate((el) => el.clientHeight));
    expect(await main.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

    await app.getByRole('tab', { name: 'History' }).click();
    await expect(app.getByTestId('history-empty')).toBeVisible();
    await expectAppFitsItsFrame(forge.page, app);
    expect(await frameHeight(forge.page)).toBeLessThan(reportHeight);
  });

  test('while the app’s frame is growing the page says so, and it is drawn at its new height before the next action', async ({ forge }) => {
    // Once asked to, the product page gives the frame its new height late: it holds back each new
    // height the frame reports for 400 ms, then takes it as it came. Installed ahead of the page's
    // own script, so it hears the frame's messages first.
    await forge.page.addInitScript(() => {
      if (window.top !== window) return;
      const delivered = new WeakSet<Event>();
      window.addEventListener('message', (event) => {
        const data: unknown = event.data;
        const holding = (window as { holdFrameHeights?: boolean }).holdFrameHeights === true;
        if (!holding || delivered.has(event) || typeof data !== 'object' || data === null || !('kind' in data) || data.kind !== 'resize') return;
        event.stopImmediatePropagation();
        setTimeout(() => {
          const late = new MessageEvent('message', { data, origin: event.origin, source: event.source });
          delivered.add(late);
          window.dispatchEvent(late);
        }, 400);
      });
    });
    const app = await forge.open({ as: 'admin', product: 'jira' });
    const html = app.locator('html');
    await expect(html).not.toHaveAttribute('data-forge-sim-settling');
    const before = await frameHeight(forge.page);
    await forge.page.evaluate(() => Object.assign(window, { holdFrameHeights: true }));

    // Content appears from outside any action, so nothing in the test waits for it.
    const settlingAtOnce = await app.locator('body').evaluate(async (body) => {
      const tall = document.createElement('div');
      tall.style.height = '3000px';
      body.append(tall);
      await Promise.resolve();
      return document.documentElement.hasAttribute('data-forge-sim-settling');
    });
    expect(settlingAtOnce).toBe(true);

    await expect(html).not.toHaveAttribute('data-forge-sim-settling');
    // No polling: once settled, the frame is already as tall as what it shows.
    const content = await html.evaluate((element) => ({ scroll: element.scrollHeight, inner: window.innerHeight }));
    expect(Math.abs(content.scroll - content.inner)).toBeLessThanOrEqual(1);
    expect(await frameHeight(forge.page)).toBeGreaterThanOrEqual(before + 3000);
  });
});

async function frameHeight(page: Page): Promise<number> {
  return (await page.locator('#forge-app').boundingBox())?.height ?? 0;
}

/**
 * The app's document does not scroll inside the frame, and the frame is as tall as that document's
 * viewport (within a pixel of rounding), once the bridge has reported the height.
 */
async function expectAppFitsItsFrame(page: Page, app: FrameLocator): Promise<void> {
  await expect
    .poll(async () => {
      const content = await app.locator('html').evaluate((html) => ({ scroll: html.scrollHeight, client: html.clientHeight }));
      return Math.abs(content.scroll - content.client) <= 1 && Math.abs(content.client - (await frameHeight(page))) <= 1;
    })
    .toBe(true);
}
