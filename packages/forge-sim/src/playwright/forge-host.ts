import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { CounterSnapshot } from '../counters.js';
import type { RunnerProcess } from './runner-process.js';

export type Product = 'jira' | 'confluence';
export type ActingUser = 'admin' | 'member';
export type ColorMode = 'light' | 'dark';
export interface OpenOptions {
  as?: ActingUser;
  product?: Product;
  theme?: ColorMode;
  /** The acting user's locale, as view.getContext() reports it (`de-DE`); default en-US. */
  locale?: string;
}

/**
 * The bridge host's product page, driven through its own controls as a person would: which user, which
 * product, which theme, the scheduled trigger, the network switches. `app` is the Custom UI's iframe.
 */
export class ForgeHost {
  readonly app: FrameLocator;
  private holdingActionsWhileSettling = false;

  constructor(
    readonly page: Page,
    readonly runner: RunnerProcess
  ) {
    this.app = page.frameLocator('#forge-app');
  }

  /** Opens the product page with the app framed in it; resolves once the app's document has loaded. */
  async open(options: OpenOptions = {}): Promise<FrameLocator> {
    const query = new URLSearchParams({ product: options.product ?? 'jira', as: options.as ?? 'admin', theme: options.theme ?? 'light' });
    if (options.locale) query.set('locale', options.locale);
    await this.holdActionsWhileSettling();
    await this.page.goto(`${this.runner.url}?${query.toString()}`);
    await this.waitForApp();
    return this.app;
  }

  async actAs(user: ActingUser): Promise<void> {
    await this.page.getByLabel('Acting as').selectOption(user);
    await this.waitForApp();
  }

  async switchProduct(product: Product): Promise<void> {
    await this.page.getByLabel('Product').selectOption(product);
    await this.waitForApp();
  }

  /** A new language is a new page load, as when a user changes it in their profile: the app starts over. */
  async switchLocale(locale: string): Promise<void> {
    await this.page.getByLabel('Language').selectOption(locale);
    await this.waitForApp();
  }

  /** The app follows without reloading, as after `view.theme.enable()` on Forge. */
  async switchTheme(theme: ColorMode): Promise<void> {
    await this.page.getByLabel('Theme').selectOption(theme);
  }

  /**
   * Clicks "Run scheduled trigger now" and waits for the host page's report of the run: the outcome
   * in words, e.g. "Scheduled trigger ran at 09:00:00: automatic report sent (report …).".
   *
   * The app's frame is left as it is unless `reloadApp` is set: a run in the background does not
   * change an open page on Forge either, so the app shows the run's result only once it asks again.
   * With `reloadApp: true` the page reloads the frame after a successful run (its "Reload the app
   * after the run" checkbox, which a person finds ticked) and this resolves once the app has loaded.
   */
  async runScheduledTrigger(options: { reloadApp?: boolean } = {}): Promise<{ ok: boolean; text: string }> {
    const reloadApp = options.reloadApp ?? false;
    await this.page.getByLabel('Reload the app after the run').setChecked(reloadApp);
    const result = this.page.locator('#scheduled-result');
    const button = this.page.getByRole('button', { name: 'Run scheduled trigger now' });
    await button.click();
    await expect(result).toHaveAttribute('data-outcome', /ok|failed/);
    await expect(button).toBeEnabled();
    const ok = (await result.getAttribute('data-outcome')) === 'ok';
    if (ok && reloadApp) await this.waitForApp();
    return { ok, text: (await result.textContent()) ?? '' };
  }

  /**
   * The site admin's "allow analytics egress" setting. Blocked, Forge refuses the app's fetch to every
   * egress declared with `category: analytics`. The app is not reloaded. Only for an app whose
   * manifest declares such egress: for any other the page offers no switch, since it would change nothing.
   */
  async setAnalyticsEgress(allowed: boolean): Promise<void> {
    if ((await this.page.locator('#analytics-egress').count()) === 0) {
      throw new Error('This app declares no `category: analytics` egress, so the product page offers no analytics switch.');
    }
    await this.setNetworkSwitch('Analytics egress', allowed ? 'allowed' : 'blocked');
  }

  /**
   * Takes the collector down (its host stops resolving) or brings it back. The app is not reloaded.
   * Only for an app whose manifest declares the collector as backend egress (direct delivery).
   */
  async setCollectorReachable(reachable: boolean): Promise<void> {
    if (this.runner.collectorUrl === undefined) throw new Error('This runner has no collector: the manifest declares no backend egress for one.');
    await this.setNetworkSwitch('Collector', reachable ? 'up' : 'down');
  }

  /** The `data-color-mode` the app's <html> carries (set through the bridge's enableTheming). */
  async appColorMode(): Promise<string | null> {
    return this.app.locator('html').getAttribute('data-color-mode');
  }

  /** What the platform has done since the runner was ready: invocations, KVS, product and egress calls. */
  counters(): Promise<CounterSnapshot> {
    return this.runner.counters();
  }

  private async setNetworkSwitch(label: string, value: string): Promise<void> {
    const select = this.page.getByLabel(label);
    await select.selectOption(value);
    // Applied once the host's backend confirmed it (the page reverts the select on a refusal).
    await expect(select).toHaveAttribute('data-applied', value);
  }

  /**
   * Every action on the page waits while the app's frame is settling (`<html data-forge-sim-settling>`,
   * see bridge-shim.ts): a click in the moments after the frame grows goes to the product page, not
   * to the app, and the test would go on as if it had landed. Playwright checks before each action.
   */
  private async holdActionsWhileSettling(): Promise<void> {
    if (this.holdingActionsWhileSettling) return;
    this.holdingActionsWhileSettling = true;
    // The handler does nothing: Playwright then waits until the attribute is gone before it acts.
    await this.page.addLocatorHandler(this.app.locator('html[data-forge-sim-settling]'), async () => {});
  }

  /**
   * Until the app has loaded, had its bridge calls answered and drawn what they brought, its frame is
   * still growing to its content: a click then could land on what the growth moves away.
   */
  private async waitForApp(): Promise<void> {
    // The bridge script is in the app's document only once the host has served it (not about:blank).
    await expect(this.app.locator('script[src="/__forge/bridge.js"]')).toBeAttached();
    await expect(this.page.locator('#app-container')).toHaveAttribute('data-app-state', 'settled');
  }
}
