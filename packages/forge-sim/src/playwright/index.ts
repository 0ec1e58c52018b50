/**
 * @usage-reporting/forge-sim/playwright: Playwright fixtures for a Forge app's browser tests. Each test
 * gets a fresh local runner (the app's Forge bundle on the simulated platform, its Custom UI framed by
 * the bridge host under Forge's CSP) and `forge`, the product page's helpers. Needs @playwright/test.
 */
export * from './fixtures.js';
export * from './forge-host.js';
export * from './runner-process.js';
