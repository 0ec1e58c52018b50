import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { SqliteStore } from '@usage-reporting/collector';
import { handOverReportText, parseHandOver } from '@usage-reporting/core/collector-api';
import { expect, test } from './fixtures';
import { SSO_APP_DIR } from './paths';

/**
 * SSO Config delivers by hand (manual delivery: its manifest declares no egress, so it keeps Runs on
 * Atlassian). In one browser, as an admin would: the app's page downloads the signed report, the
 * vendor's collector takes it on its upload page and gives back a signed receipt, and the receipt
 * pasted (or its file uploaded) into the app is verified and recorded. The app itself never reaches
 * the collector: the simulator counts every egress attempt, and there is none.
 */
// The runner's stand-in collector must know SSO Config's catalog to take its reports, as the vendor's
// would (COLLECTOR_CATALOG); set for each test's runner, and put back after it.
let catalogBefore: string | undefined;
test.beforeEach(() => {
  catalogBefore = process.env.COLLECTOR_CATALOG;
  process.env.COLLECTOR_CATALOG = path.join(SSO_APP_DIR, 'src/usage/collector-catalog.ts');
});
test.afterEach(() => {
  if (catalogBefore === undefined) delete process.env.COLLECTOR_CATALOG;
  else process.env.COLLECTOR_CATALOG = catalogBefore;
});

interface Runner {
  collectorUrl: string | undefined;
  dataDir: string;
}

/** The collector's upload page in a tab of the same browser; returns the signed answer it gives back, as text and as its download. */
async function uploadOnCollector(page: Page, runner: Runner, file: string): Promise<{ text: string; downloadPath: string; fileName: string }> {
  const collector = await page.context().newPage();
  try {
    await collector.goto(`${runner.collectorUrl ?? 'no-collector'}/upload`);
    await expect(collector.getByRole('heading', { name: 'Hand over a usage-reporting file' })).toBeVisible();
    await collector.locator('#file').setInputFiles(file);
    const answer = collector.getByLabel('The signed answer, to paste into the app:');
    await expect(answer).toBeVisible();
    const [download] = await Promise.all([collector.waitForEvent('download'), collector.getByRole('link', { name: 'Download the receipt' }).click()]);
    return { text: await answer.inputValue(), downloadPath: await download.path(), fileName: download.suggestedFilename() };
  } finally {
    await collector.close();
  }
}

/** What the collector stored for the installation, read from its database as the vendor would. */
async function storedAtCollector(runner: Runner, installationId: string): Promise<string[]> {
  const store = new SqliteStore(path.join(runner.dataDir, 'collector.db'));
  try {
    return (await store.reportsOf(installationId)).map((r) => r.bytes);
  } finally {
    await store.close();
  }
}

/** Chooses "ask me each time", then reads the exact bytes the page previews (the ones a hand-over signs). */
async function previewedBytes(app: FrameLocator): Promise<string> {
  await app.getByRole('tab', { name: 'Usage reporting' }).click();
  await app.getByRole('button', { name: 'Send this report' }).click();
  await expect(app.getByRole('button', { name: 'Hand over this report' })).toBeVisible();
  await app.getByRole('tab', { name: 'Exact bytes' }).click();
  await expect(app.getByText('(checked in your browser: matches these bytes)')).toBeVisible();
  return (await app.getByTestId('exact-bytes').textContent()) ?? '';
}

/** Preview, hand over (the download), upload at the collector, paste the receipt back. Returns the previewed bytes. */
async function handOverAReport(app: FrameLocator, page: Page, runner: Runner): Promise<string> {
  const bytes = await previewedBytes(app);
  const reportId: string = JSON.parse(bytes).reportId;
  const [download] = await Promise.all([page.waitForEvent('download'), app.getByRole('button', { name: 'Hand over this report' }).click()]);
  expect(download.suggestedFilename()).toBe(`usage-report-${reportId}.json`);
  const fileText = await readFile(await download.path(), 'utf8');
  const file = parseHandOver(fileText);
  // The file carries exactly the previewed bytes, signed as a direct send would sign them.
  expect(file.ok && handOverReportText(file.handOver)).toBe(bytes);
  await expect(app.getByTestId('handed-over')).toHaveAttribute('data-report-id', reportId);

  const receipt = await uploadOnCollector(page, runner, await download.path());
  expect(receipt.fileName).toMatch(/^usage-report-receipt-[0-9a-f-]{36}\.json$/);
  const handOver = app.getByTestId('hand-over');
  await handOver.getByTestId('answer-text').fill(receipt.text);
  await handOver.getByRole('button', { name: 'Record the vendor’s answer' }).click();
  await expect(handOver.getByTestId('answer-accepted')).toHaveAttribute('data-kind', 'report-receipt');
  return bytes;
}

test('jira: a report handed over by hand reaches the collector byte for byte, its receipt verifies, and the app made no egress', async ({ forge, runner }) => {
  const app = await forge.open({ as: 'admin', product: 'jira' });
  const bytes = await handOverAReport(app, forge.page, runner);
  const fingerprint = (await app.getByTestId('answer-fingerprint').textContent()) ?? '';
  expect(fingerprint).toMatch(/^SHA256:/);

  await app.getByRole('tab', { name: 'History' }).click();
  const row = app.getByRole('row', { name: /Acknowledged by the vendor/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('receipt-key')).toContainText(fingerprint);

  const installationId: string = JSON.parse(bytes).installationId;
  expect(await storedAtCollector(runner, installationId)).toEqual([bytes]);
  expect((await forge.counters()).egress).toEqual({});
});

test('confluence: deletion by hand: the request file is uploaded, the acknowledgement file uploaded back, and the collector holds nothing', async ({ forge, runner }) => {
  const app = await forge.open({ as: 'admin', product: 'confluence' });
  const bytes = await handOverAReport(app, forge.page, runner);
  const installationId: string = JSON.parse(bytes).installationId;
  expect(await storedAtCollector(runner, installationId)).toEqual([bytes]);

  // The page reloads its state after the receipt; the tab is chosen once that settled.
  const yourData = app.getByRole('tab', { name: 'Your data' });
  await expect(async () => {
    await yourData.click();
    await expect(yourData).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 });
  }).toPass();
  const requests = app.getByTestId('vendor-requests-manual');
  const [request] = await Promise.all([forge.page.waitForEvent('download'), requests.getByRole('button', { name: 'Make a deletion request file' }).click()]);
  expect(request.suggestedFilename()).toMatch(/^usage-report-delete-request-\d{8}T\d{6}Z\.json$/);
  await expect(requests.locator('li[data-kind="delete"]')).toHaveAttribute('data-answered', 'false');

  const acknowledgement = await uploadOnCollector(forge.page, runner, await request.path());
  expect(acknowledgement.fileName).toMatch(/^usage-report-deletion-[0-9a-f-]{36}\.json$/);
  // This time the admin brings the answer back as the file the collector's page downloaded.
  await requests.getByTestId('answer-file').setInputFiles(acknowledgement.downloadPath);
  await expect(requests.getByTestId('answer-accepted')).toHaveAttribute('data-kind', 'deletion-acknowledgement');
  await expect(requests.getByTestId('answer-accepted')).toContainText('1 report deleted');
  await expect(requests.locator('li[data-kind="delete"]')).toHaveAttribute('data-answered', 'true');

  expect(await storedAtCollector(runner, installationId)).toEqual([]);
  expect((await forge.counters()).egress).toEqual({});
});
