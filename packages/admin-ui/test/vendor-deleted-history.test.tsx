/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, screen, within } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { canonicalJson } from '@usage-reporting/core';
import type { HistorySummary, VendorDeletion } from '@usage-reporting/core';
import { adminPage, historyEntry, report } from './page-fixtures';
import { renderApp } from './render-app';

/**
 * After the vendor acknowledged deleting this site's data, history says which reports it deleted and
 * when, instead of "Sent": the acknowledgement covers every report the collector had received by then,
 * and none sent after it.
 */
const before = report({ reportId: '11111111-1111-4111-8111-111111111111' });
const after = report({ reportId: '22222222-2222-4222-8222-222222222222' });
const entries: HistorySummary[] = [
  historyEntry(after, {
    createdAt: '2026-11-29T09:00:00.000Z',
    sentAt: '2026-11-29T09:00:01.000Z',
    receipt: { receiptId: 'rcpt-after', reportId: after.reportId, receivedAt: '2026-11-29T09:00:01.000Z', digest: 'd', duplicate: false }
  }),
  historyEntry(before, {
    receipt: { receiptId: 'rcpt-before', reportId: before.reportId, receivedAt: '2026-11-01T09:00:01.000Z', digest: 'd', duplicate: false }
  })
];
const acknowledged: VendorDeletion = {
  status: 'acknowledged',
  requestedAt: '2026-11-15T10:00:00.000Z',
  attempts: 1,
  nextAttemptAt: '2026-11-15T10:00:00.000Z',
  lastError: null,
  acknowledgement: { acknowledgementId: 'ack-7', acknowledgedAt: '2026-11-15T10:00:01.000Z', deletedReports: 1 }
};

function renderHistory(vendorDeletion: VendorDeletion | null) {
  return renderApp({
    loadAdminPage: () => ok(adminPage({ history: entries, vendorDeletion })),
    getHistory: () => ok({ entries, purgedReports: 0 }),
    getHistoryEntry: ({ reportId }) => {
      const entry = entries.find((e) => e.reportId === reportId)!;
      return ok({ entry, text: canonicalJson(reportId === before.reportId ? before : after), previousText: null, previousReportId: null });
    }
  });
}

const statusOf = (row: HTMLElement) => row.querySelector('[data-label="Status"]')?.textContent;

test('reports received before the acknowledgement read "Deleted by the vendor", later ones still "Sent"', async () => {
  renderHistory(acknowledged);
  fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
  const [newer, older] = screen.getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];

  expect(statusOf(newer)).toBe('Sent');
  expect(newer.dataset.vendorDeleted).toBeUndefined();
  expect(statusOf(older)).toBe('Deleted by the vendor 15 Nov 2026, 10:00 UTC');
  expect(older.dataset.vendorDeleted).toBe('true');
});

test('the deleted report says so with the acknowledgement, and offers no correction or retraction', async () => {
  renderHistory(acknowledged);
  fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
  fireEvent.click(screen.getAllByRole('button', { name: /Show the report of/ })[1]!);
  const detail = await screen.findByTestId('history-entry');

  expect((await within(detail).findByTestId('chain-vendor-deleted')).textContent).toContain('ack-7');
  expect(within(detail).queryByRole('button', { name: 'Correct this report' })).toBeNull();
  expect(within(detail).queryByRole('button', { name: 'Retract this report' })).toBeNull();
});

test('a request the vendor has not acknowledged yet changes nothing in history', async () => {
  renderHistory({ ...acknowledged, status: 'pending', acknowledgement: null });
  fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
  const rows = screen.getAllByRole('row').slice(1) as HTMLElement[];
  expect(rows.map(statusOf)).toEqual(['Sent', 'Sent']);
});
