import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_UI_DIST, REPO_ROOT } from '../../e2e/fixtures/paths';
import { startRunnerProcess, type RunnerProcess } from '../../e2e/fixtures/runner-process';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/playwright.config';

/**
 * The admin page's costs: the gzip size of what the browser downloads (built JS and CSS, each file
 * gzipped as a server would send it), the resolver invocations the first screen makes (the sim
 * platform's own counter), and the time from navigation to the first rendered preview row in Debian's
 * Chromium through the local runner: cold (new browser profile, fresh runner) and warm (same profile,
 * page loaded again). The UI is built first, so the figures describe the current source.
 */
const progress = (line: string) => process.stderr.write(`  ui: ${line}\n`);

export async function run({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  buildUi();
  const ui_bundle_gzip_bytes = bundleGzipBytes();
  progress(`bundle ${ui_bundle_gzip_bytes} bytes gzipped`);

  const runner = await startRunnerProcess();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  try {
    const first = await coldFirstScreen(browser, runner);
    progress(`first screen: ${first.resolverCalls} resolver call(s), ${first.ms.toFixed(0)} ms cold`);
    const warm = await warmPreviews(browser, runner, quick ? 3 : 10);
    progress(`warm preview median ${warm.toFixed(0)} ms`);
    return {
      ui_bundle_gzip_bytes,
      resolver_calls_first_screen: first.resolverCalls,
      first_preview_ms_cold: Math.round(first.ms),
      first_preview_ms_warm: Math.round(warm)
    };
  } finally {
    await browser.close();
    await runner.stop();
  }
}

function buildUi(): void {
  const vite = path.join(REPO_ROOT, 'node_modules/.bin/vite');
  const built = spawnSync(vite, ['build', '--config', 'apps/reference/static/admin/vite.config.ts', '--logLevel', 'error'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vite build failed (exit ${built.status ?? built.signal}): ${built.stderr}`);
}

function bundleGzipBytes(): number {
  const assets = path.join(ADMIN_UI_DIST, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  if (files.length === 0) throw new Error(`no JS or CSS in ${assets}`);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
}

const firstPreviewRow = (page: Page) => page.frameLocator('#forge-app').locator('tr[data-field]').first();

/** Navigation start to the first preview row being visible. */
async function timeToPreview(page: Page, url: string): Promise<number> {
  const t0 = performance.now();
  await page.goto(url);
  await firstPreviewRow(page).waitFor({ state: 'visible', timeout: 30_000 });
  return performance.now() - t0;
}

async function coldFirstScreen(browser: Browser, runner: RunnerProcess): Promise<{ ms: number; resolverCalls: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const before = (await runner.counters()).invocations.resolver ?? 0;
    const ms = await timeToPreview(page, `${runner.url}?product=jira&as=admin&theme=light`);
    // Let any call the page would make after its first render land before counting.
    await page.waitForTimeout(1000);
    const after = (await runner.counters()).invocations.resolver ?? 0;
    return { ms, resolverCalls: after - before };
  } finally {
    await context.close();
  }
}

async function warmPreviews(browser: Browser, runner: RunnerProcess, runs: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const url = `${runner.url}?product=jira&as=admin&theme=light`;
    await timeToPreview(page, url);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push(await timeToPreview(page, url));
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)] ?? Number.NaN;
  } finally {
    await context.close();
  }
}
