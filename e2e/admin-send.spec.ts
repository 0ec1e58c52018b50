import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/forge';
import { collectorReports, expectAccessible, matrix, screenshotScreen } from './admin-helpers';

test.describe('a per-case send', () => {
  for (const { product, theme } of matrix) {
    test(`${product}, ${theme}: the bytes shown are byte-identical to what the collector received`, async ({ forge, runner }) => {
      const app = await forge.open({ as: 'admin', product, theme });
      await app.getByRole('tab', { name: 'Exact bytes' }).click();
      const shownBytes = (await app.getByTestId('exact-bytes').textContent()) ?? '';
      const shownDigest = (await app.getByTestId('report-digest').textContent()) ?? '';
      expect(shownBytes.length).toBeGreaterThan(100);
      const [download] = await Promise.all([forge.page.waitForEvent('download'), app.getByRole('button', { name: 'Download bytes' }).click()]);
      const downloadedBytes = await readFile(await download.path(), 'utf8');
      expect(downloadedBytes).toBe(shownBytes);
      // Who will sign: the site's key fingerprint sits under the digest, with what it means.
      const fingerprint = (await app.getByTestId('signing-key-fingerprint').textContent()) ?? '';
      expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
      await expect(app.getByTestId('signing')).toContainText("nobody else can send or ask for data in this site's name");

      await app.getByRole('button', { name: 'Send this report' }).click();
      const receipt = app.getByTestId('send-receipt');
      await expect(receipt).toHaveAttribute('data-outcome', 'sent');
      await expect(app.getByTestId('mode-label')).toHaveText('Ask me each time');

      const stored = collectorReports(runner);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.bytes).toBe(shownBytes);
      expect(stored[0]?.digest).toBe(shownDigest);
      await expect(app.getByTestId('receipt-id')).toHaveText(stored[0]?.receiptId ?? 'missing');
      await expect(app.getByTestId('receipt-digest')).toHaveText(shownDigest);
      await expectAccessible(forge.page, 'send receipt');
      if (product === 'jira') await screenshotScreen(forge.page, `admin-sent-${theme}`);

      await app.getByRole('tab', { name: 'History' }).click();
      const row = app.locator('tr[data-report-id]');
      await expect(row).toHaveCount(1);
      await expect(row).toHaveAttribute('data-trigger', 'per-case');
      await expect(row).toHaveAttribute('data-status', 'sent');
      await expect(row).toContainText(stored[0]?.receiptId ?? 'missing');

      // The signature travelled in headers beside the bytes; history shows them, and their digest is of the stored bytes.
      await app.getByRole('button', { name: /Show the report of/ }).first().click();
      const entry = app.getByTestId('history-entry');
      await entry.getByRole('tab', { name: 'Exact bytes' }).click();
      await expect(entry.getByTestId('exact-bytes')).toHaveText(shownBytes);
      await expect(entry.getByTestId('signing-key-fingerprint')).toHaveText(fingerprint);
      const headers = entry.getByTestId('signature-headers');
      await expect(headers).toContainText('alg="ed25519"');
      await expect(headers).toContainText(`sha-256=:${createHash('sha256').update(stored[0]?.bytes ?? '').digest('base64')}:`);
    });
  }
});
