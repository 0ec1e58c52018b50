/**
 * SSO Config's browser suite: @usage-reporting/forge-sim's fixtures (a fresh local runner per test,
 * `forge` driving the product page) with the app's directory, and the same rule as the reference
 * app's suite: any Content-Security-Policy violation in any frame fails the test (see
 * ../fixtures/csp-violations.ts for why the event, not the console, is the signal).
 *
 *   import { test, expect } from './fixtures';
 *
 *   test('an admin adds a provider', async ({ forge }) => {
 *     const app = await forge.open({ as: 'admin', product: 'confluence' });
 *   });
 */
import { test as base } from '@usage-reporting/forge-sim/playwright';
import { expectNoCspViolations, watchCspViolations } from '../fixtures/csp-violations';
import { SSO_APP_DIR } from './paths';

export { expect, type Product } from '@usage-reporting/forge-sim/playwright';

export const test = base.extend({
  // Still an option (the package declares it one): a spec may add a seed or a site size with test.use.
  forgeApp: { appDir: SSO_APP_DIR },
  forge: async ({ forge }, use) => {
    // Watching starts before the first navigation, so the listener is in each frame ahead of its scripts.
    const csp = await watchCspViolations(forge.page);
    await use(forge);
    expectNoCspViolations(await csp.collect());
  }
});
