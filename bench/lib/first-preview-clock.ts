import type { Page } from 'playwright-core';

/**
 * The first preview's time as the browser sees it, not as the driver does. Playwright learns that a
 * row is visible through DevTools round trips and a polling back-off, which adds its own tens of
 * milliseconds to every load; the admin does not wait for those.
 *
 * An init script (it runs in every frame of the page, the app's cross-origin frame included) watches
 * the app's document for the first visible element matching the selector and records, on the same
 * epoch clock in every process (performance.timeOrigin + performance.now()), when the frame that
 * shows it has been produced: a message posted from requestAnimationFrame is delivered once that
 * frame's rendering step has run. The host document's own performance.timeOrigin is its navigation
 * start. A plain string, not a function: the bench runs through tsx, whose helpers a serialised
 * function would reference but the page does not have.
 */
const presentedAt = '__usageReportingBenchFirstPreviewPresentedAt';

function clockScript(selector: string): string {
  return `(() => {
  if (window === window.top) return;
  const selector = ${JSON.stringify(selector)};
  let marked = false;
  const shown = () => {
    const row = document.querySelector(selector);
    return row !== null && row.checkVisibility() && row.getBoundingClientRect().height > 0;
  };
  const observer = new MutationObserver(() => {
    if (marked || !shown()) return;
    marked = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window[${JSON.stringify(presentedAt)}] = performance.timeOrigin + performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

/** Installs the clock in every frame the page's context opens from now on. */
export async function installFirstPreviewClock(page: Page, selector: string): Promise<void> {
  await page.context().addInitScript(clockScript(selector));
}

/**
 * Milliseconds from the page's navigation start to the app frame's first frame showing the row. Call
 * after the row is visible (the driver's wait); throws when the app frame recorded nothing, or when
 * the two clocks disagree so far that the figure cannot be read (a negative time, or more than the
 * driver itself measured).
 */
export async function firstPreviewMs(page: Page, frameSelector: string, driverMs: number): Promise<number> {
  const handle = await page.locator(frameSelector).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame at ${frameSelector}`);
  await frame.waitForFunction(`typeof window[${JSON.stringify(presentedAt)}] === 'number'`, undefined, { timeout: 5_000 });
  const shownAt = Number(await frame.evaluate(`window[${JSON.stringify(presentedAt)}]`));
  const navigationStart = Number(await page.evaluate('performance.timeOrigin'));
  const ms = shownAt - navigationStart;
  if (!(ms > 0) || ms > driverMs + 1) throw new Error(`first preview: the browser's clock reads ${ms.toFixed(1)} ms against the driver's ${driverMs.toFixed(1)} ms`);
  return ms;
}
