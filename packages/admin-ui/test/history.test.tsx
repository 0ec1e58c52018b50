/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import { canonicalJson } from '@usage-reporting/core';
import { ConfirmDialog } from '../src/components/ConfirmDialog';
import { adminPage, historyEntry, report } from './page-fixtures';
import { renderApp } from './render-app';

describe('the history', () => {
  const first = report({ fields: { 'app.versionMajor': 1, 'site.projects': '11-50' }, withheld: [] });
  const second = report({ fields: { 'app.versionMajor': 2, 'site.projects': '11-50' }, withheld: [] });
  const entries = [
    historyEntry(second, { trigger: 'automatic', sentAt: '2026-11-29T09:00:00.000Z' }),
    historyEntry(first, { trigger: 'per-case', status: 'pending', sentAt: null, receipt: null, lastError: "The vendor's server did not answer." })
  ];

  function renderHistory() {
    return renderApp({
      loadAdminPage: () => ok(adminPage({ history: entries })),
      getHistory: () => ok({ entries, purgedReports: 3 }),
      getHistoryEntry: ({ reportId }) =>
        reportId === second.reportId
          ? ok({ entry: entries[0]!, text: canonicalJson(second), previousText: canonicalJson(first), previousReportId: first.reportId })
          : ok({ entry: entries[1]!, text: canonicalJson(first), previousText: null, previousReportId: null })
    });
  }

  it('lists every report with date, mode, status and receipt, and what retention removed', async () => {
    renderHistory();
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.querySelectorAll('th, td')).slice(0, 4).map((c) => c.textContent))).toEqual([
      ['29 Nov 2026, 09:00 UTC', 'Automatic', 'Sent', 'rcpt-1'],
      ['1 Nov 2026, 09:00 UTC', 'Sent by an admin', "Waiting to be sentDetails for supportThe vendor's server did not answer.", 'None yet']
    ]);
    expect((await screen.findByTestId('history-purged')).textContent).toBe('3 older reports were removed from this history by your retention setting.');
  });

  it('shows a report’s change against the previous one, and its exact bytes', async () => {
    const { calls } = renderHistory();
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    fireEvent.click(screen.getAllByRole('button', { name: /Show the report of/ })[0]!);
    const detail = await screen.findByTestId('history-entry');
    expect(calls.find((c) => c.name === 'getHistoryEntry')?.payload).toEqual({ reportId: second.reportId });
    const changes = await within(detail).findByRole('list', { name: 'Changed fields' });
    expect(within(changes).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Changed app.versionMajor: 1 → 2']);
    fireEvent.click(within(detail).getByRole('tab', { name: 'Exact bytes' }));
    expect(within(detail).getByTestId('exact-bytes').textContent).toBe(canonicalJson(second));
  });

  it('says the first report has nothing to compare with', async () => {
    renderHistory();
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    fireEvent.click(screen.getAllByRole('button', { name: /Show the report of/ })[1]!);
    expect(await screen.findByText(/first report sent from this site/)).toBeDefined();
  });
});

describe('a confirmation', () => {
  it('takes focus, keeps Tab inside, cancels on Escape and gives focus back', () => {
    const cancelled: string[] = [];
    function Harness({ open }: { open: boolean }) {
      return (
        <>
          <button type="button">Opener</button>
          {open && (
            <ConfirmDialog title="Erase?" confirmLabel="Erase" onConfirm={() => undefined} onCancel={() => cancelled.push('cancel')}>
              <p>Sure?</p>
            </ConfirmDialog>
          )}
        </>
      );
    }
    const { rerender } = render(<Harness open={false} />);
    screen.getByRole('button', { name: 'Opener' }).focus();
    rerender(<Harness open />);
    const dialog = screen.getByRole('dialog', { name: 'Erase?' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Erase' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(cancelled).toEqual(['cancel']);
    rerender(<Harness open={false} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Opener' }));
  });
});
