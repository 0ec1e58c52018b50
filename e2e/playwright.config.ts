import { defineConfig } from '@playwright/test';

/**
 * Browser suites in Debian's Chromium (never a downloaded browser). Each test gets its own local
 * runner on a free port with fresh data: see e2e/fixtures/forge.ts for the fixtures and helpers.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Playwright empties this folder when a run starts: two runs at once (two people, two terminals)
  // need their own, e.g. PLAYWRIGHT_OUTPUT_DIR=/tmp/pw-mine npm run test:e2e.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? '../test-results',
  // Both apps' suites are collected (e2e/*.spec.ts, the reference app; e2e/sso-config/*.spec.ts, SSO
  // Config): each app's setup builds what its suite frames and runs.
  globalSetup: ['./fixtures/global-setup.ts', './sso-config/global-setup.ts'],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  }
});
