import { test as base } from '@playwright/test';
import { ForgeHost } from './forge-host.js';
import { startRunnerProcess, type RunnerProcess, type RunnerProcessOptions } from './runner-process.js';

/** Which app the runner runs, and from what state: the runner process's options. */
export type ForgeAppOptions = Omit<RunnerProcessOptions, 'readyTimeoutMs'>;

export interface ForgeFixtures {
  /** Option (`test.use({ forgeApp: { appDir } })`); default: the app in the working directory, from a fresh install. */
  forgeApp: ForgeAppOptions;
  /** A fresh local runner for this test; its output is attached to a failing test. */
  runner: RunnerProcess;
  /** The product page's helpers, around this test's `page`. */
  forge: ForgeHost;
}

/**
 * Playwright's `test` with a fresh local runner per test and the product page's helpers:
 *
 *   import { test, expect } from '@usage-reporting/forge-sim/playwright';
 *
 *   test.use({ forgeApp: { appDir: path.join(__dirname, '..') } });
 *
 *   test('an admin sees the settings', async ({ forge }) => {
 *     const app = await forge.open({ as: 'admin', product: 'confluence', theme: 'dark' });
 *     await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
 *   });
 */
export const test = base.extend<ForgeFixtures>({
  forgeApp: [{}, { option: true }],
  runner: async ({ forgeApp }, use, testInfo) => {
    const runner = await startRunnerProcess(forgeApp);
    try {
      await use(runner);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('runner-output', { body: runner.output(), contentType: 'text/plain' });
      await runner.stop();
    }
  },
  forge: async ({ page, runner }, use) => {
    await use(new ForgeHost(page, runner));
  }
});

export { expect } from '@playwright/test';
