import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SqliteStore } from '@usage-reporting/collector';
import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { expect, test, type Product, type ColorMode } from './fixtures/forge';
import { collectorReports, expectAccessible, screenshotScreen } from './admin-helpers';
import type { ForgeHost } from './fixtures/forge';
import type { RunnerProcess } from './fixtures/runner-process';

/** Sends one report per case from a fresh page and returns its exact bytes as the page showed them. */
async function sendOne(forge: ForgeHost, product: Product, theme: ColorMode) {
  const app = await forge.open({ as: 'admin', product, theme });
  await app.getByRole('button', { name: 'Send this report' }).click();
  await expect(app.getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
  await app.getByRole('tab', { name: 'History' }).click();
  await app.getByRole('button', { name: /Show the report of/ }).first().click();
  return app;
}

/** The reports the collector's retention fold would count on a day: superseded ones are left out. */
async function countedOn(runner: RunnerProcess, day: string): Promise<string[]> {
  const store = new SqliteStore(path.join(runner.dataDir, 'collector.db'));
  try {
    return (await store.reportsOnDay(day)).map((r) => r.reportId);
  } finally {
    await store.close();
  }
}

test.describe('the right to correct', () => {
  for (const [product, theme] of [['jira', 'light'], ['confluence', 'dark']] as const) {
    test(`${product}, ${theme}: correct a sent report; the collector holds the previewed bytes and counts only the correction`, async ({ forge, runner }) => {
      const app = await sendOne(forge, product, theme);
      const [original] = collectorReports(runner);
      expect(original).toBeDefined();
      const entry = app.getByTestId('history-entry');
      await entry.getByRole('button', { name: 'Correct this report' }).click();
      const draft = entry.getByTestId('correction-preview');
      await expect(draft).toHaveAttribute('data-supersedes', original?.reportId ?? 'missing');
      await expect(draft).toContainText('same period');
      await draft.getByRole('tab', { name: 'Exact bytes' }).click();
      const previewed = (await draft.getByTestId('exact-bytes').textContent()) ?? '';
      const digest = (await draft.getByTestId('report-digest').textContent()) ?? '';
      expect(JSON.parse(previewed)).toMatchObject({ period: JSON.parse(original?.bytes ?? '{}').period });
      await expectAccessible(forge.page, 'correction preview');
      await screenshotScreen(forge.page, `admin-correction-${theme}`);
      await draft.getByRole('button', { name: 'Send this correction' }).click();
      await expect(app.getByTestId('rights-outcome').getByTestId('send-receipt')).toHaveAttribute('data-outcome', 'sent');
      await expect(app.getByTestId('send-receipt')).toHaveCount(1);

      const stored = collectorReports(runner);
      expect(stored).toHaveLength(2);
      const correction = stored.find((r) => r.reportId !== original?.reportId);
      expect(correction?.bytes).toBe(previewed);
      expect(correction?.digest).toBe(digest);
      const day = new Date().toISOString().slice(0, 10);
      expect(await countedOn(runner, day)).toEqual([correction?.reportId]);

      // History shows the chain both ways.
      await app.getByRole('tab', { name: 'History' }).click();
      await expect(app.locator(`tr[data-report-id="${original?.reportId}"]`)).toHaveAttribute('data-chain', 'superseded');
      await expect(app.locator(`tr[data-report-id="${correction?.reportId}"]`)).toHaveAttribute('data-chain', 'correction');

      // The vendor's copy marks the superseded report.
      await app.getByRole('tab', { name: 'Your data' }).click();
      const [download] = await Promise.all([forge.page.waitForEvent('download'), app.getByRole('button', { name: 'Download the vendor’s copy' }).click()]);
      const exported = installationExportSchema.parse(JSON.parse(await readFile(await download.path(), 'utf8')));
      expect(exported.reports.find((r) => r.reportId === original?.reportId)?.supersededBy).toBe(correction?.reportId);
      expect(exported.reports.find((r) => r.reportId === correction?.reportId)?.supersedes).toBe(original?.reportId);
      await expect(app.getByTestId('ledger').locator('tr[data-action="correct-report"]')).toHaveCount(1);
    });

    test(`${product}, ${theme}: retract a sent report; the collector holds no copy and the acknowledgement is shown`, async ({ forge, runner }) => {
      const app = await sendOne(forge, product, theme);
      const [original] = collectorReports(runner);
      const entry = app.getByTestId('history-entry');
      await entry.getByRole('button', { name: 'Retract this report' }).click();
      const dialog = app.getByRole('dialog', { name: 'Retract this report?' });
      await expect(dialog).toContainText('delete its copy');
      await expectAccessible(forge.page, 'retract confirmation');
      await dialog.getByRole('button', { name: 'Retract the report' }).click();
      const ack = app.getByTestId('retract-acknowledgement');
      await expect(ack).toHaveAttribute('data-acknowledged', 'true');
      await expect(ack.getByTestId('deleted-reports')).toHaveText('1');
      const ackId = (await ack.getByTestId('acknowledgement-id').textContent()) ?? '';
      expect(ackId).toMatch(/^[0-9a-f-]{36}$/);
      await screenshotScreen(forge.page, `admin-retracted-${theme}`);

      expect(collectorReports(runner)).toEqual([]);
      await app.getByRole('tab', { name: 'History' }).click();
      await expect(app.locator(`tr[data-report-id="${original?.reportId}"]`)).toHaveAttribute('data-chain', 'retracted');
    });
  }
});
