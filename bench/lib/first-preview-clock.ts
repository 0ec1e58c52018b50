import type { Page } from 'playwright-core';

/**
 * The first preview's time as the browser sees it, not as the driver does.
 *
 * An init script (it runs in every frame of the page, the app's cross-origin frame included) watches
 * the app's document for the first visible element matching the selector and records, on the same
 * epoch clock in every process (performance.timeOrigin + performance.now()), when the frame that
 * shows it has been produced: a message posted from requestAnimationFrame is delivered once that
 * frame's rendering step has run. The host document's own performance.timeOrigin is its navigation
 * start.
 *
 * The frame tells this process through a Playwright binding (one DevTools event), so the driver does
 * nothing inside the app's frame while it loads. Waiting for the row with a locator instead would
 * have Playwright inject its selector engine into the new frame and poll it, on the same main thread
 * and the same two cores the page is loading on: 15-18 ms of every warm load went to that (measured
 * side by side, 3 December 2026). The bench still checks the row with a locator, once the time is
 * taken.
 *
 * A plain string, not a function: the bench runs through tsx, whose helpers a serialised function
 * would reference but the page does not have.
 */
const binding = '__usageReportingBenchFirstPreviewPresented';

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
      channel.port1.onmessage = () => { window[${JSON.stringify(binding)}](performance.timeOrigin + performance.now()); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
}

export interface FirstPreviewClock {
  /**
   * Loads `url` in the page and resolves with the milliseconds from its navigation start to the app
   * frame's first frame showing the row, and from page.goto to this process hearing of it (`driver`).
   * Throws when nothing is heard within `timeoutMs`, or when the two clocks disagree so far that the
   * figure cannot be read (a negative time, or more than the driver itself measured).
   */
  load(url: string, timeoutMs?: number): Promise<{ browser: number; driver: number }>;
}

/** Installs the clock in every frame the page's context opens from now on. */
export async function installFirstPreviewClock(page: Page, selector: string): Promise<FirstPreviewClock> {
  let heard: ((shownAt: number) => void) | undefined;
  await page.context().exposeBinding(binding, (_source, shownAt: unknown) => {
    if (typeof shownAt === 'number') heard?.(shownAt);
  });
  await page.context().addInitScript(clockScript(selector));
  return {
    async load(url, timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      const presented = new Promise<number>((resolve, reject) => {
        heard = resolve;
        timer = setTimeout(() => reject(new Error(`no frame showed ${selector} within ${timeoutMs} ms of opening ${url}`)), timeoutMs);
      });
      try {
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        const shownAt = await presented;
        const driver = performance.now() - t0;
        const navigationStart = Number(await page.evaluate('performance.timeOrigin'));
        const browser = shownAt - navigationStart;
        if (!(browser > 0) || browser > driver + 1) throw new Error(`first preview: the browser's clock reads ${browser.toFixed(1)} ms against the driver's ${driver.toFixed(1)} ms`);
        return { browser, driver };
      } finally {
        heard = undefined;
        clearTimeout(timer);
      }
    }
  };
}
