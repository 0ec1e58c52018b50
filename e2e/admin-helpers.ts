import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { metricCatalog } from '@usage-reporting/core';
import { initialConsent, type ConsentState } from '@usage-reporting/core';
import { expect, type ColorMode, type Product } from './fixtures/forge';
import { SCREENSHOTS_DIR } from './fixtures/paths';
import type { RunnerProcess } from './fixtures/runner-process';

/** Shared pieces of the admin page's browser suites (e2e/admin-*.spec.ts). */
export const products: Product[] = ['jira', 'confluence'];
export const themes: ColorMode[] = ['light', 'dark'];
export const matrix = products.flatMap((product) => themes.map((theme) => ({ product, theme })));

/**
 * axe-core on the framed admin page, in the theme it is showing. Only serious and critical
 * findings fail the test; the full list is attached for the moderate ones.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await analyzeInsideFrame(page);
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe found serious or critical violations on the ${screen} screen`).toEqual([]);
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * axe skips a frame that does not answer its injection in time (seen on a loaded machine), and a
 * scope that matched nothing would pass vacuously: so insist that it looked inside the app's frame,
 * asking again a few times before failing.
 */
async function analyzeInsideFrame(page: Page): Promise<AxeResults> {
  for (let attempt = 1; ; attempt++) {
    const results = await new AxeBuilder({ page }).include(['#forge-app', 'body']).analyze();
    const checkedInFrame = results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1 && node.target[0] === '#forge-app'));
    if (checkedInFrame) return results;
    if (attempt === 3) {
      expect(checkedInFrame, 'axe checked nodes inside the app frame').toBe(true);
      return results;
    }
  }
}

export interface StoredReport {
  reportId: string;
  receiptId: string;
  digest: string;
  bytes: string;
}

/** What the runner's collector stored, read straight from its SQLite file: the bytes it received. */
export function collectorReports(runner: RunnerProcess): StoredReport[] {
  const db = new Database(path.join(runner.dataDir, 'collector.db'), { readonly: true, fileMustExist: true });
  try {
    const rows: unknown[] = db.prepare('SELECT report_id, receipt_id, digest, bytes FROM reports ORDER BY received_at').all();
    return rows.map((row) => {
      const r = row as { report_id: string; receipt_id: string; digest: string; bytes: string };
      return { reportId: r.report_id, receiptId: r.receipt_id, digest: r.digest, bytes: r.bytes };
    });
  } finally {
    db.close();
  }
}

/** The whole product page, app included, at its full height: <name>.png in SCREENSHOTS_DIR (fixtures/paths.ts). */
export async function screenshotScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A stored consent, as src/store keeps it under `consent`, for starting a test as an existing installation. */
export function storedConsent(overrides: Partial<ConsentState>): ConsentState {
  return { ...initialConsent, acceptedFormat: metricCatalog.formatVersion, revision: 1, changedAt: '2026-11-01T09:00:00.000Z', ...overrides };
}
