/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '@usage-reporting/core/api';
import type { VendorDeletion } from '@usage-reporting/core';
import { explainError } from '../src/copy/error-copy';
import { adminPage } from './page-fixtures';
import { renderApp } from './render-app';

/**
 * Asking the vendor to delete acts on data the admin cannot get back, so one click only opens a
 * confirmation that says what goes, what stays, and what happens if the vendor is unreachable.
 */
const acknowledged: VendorDeletion = {
  status: 'acknowledged',
  requestedAt: '2026-11-29T09:00:00.000Z',
  attempts: 1,
  nextAttemptAt: '2026-11-29T09:00:00.000Z',
  lastError: null,
  acknowledgement: { acknowledgementId: 'ack-1', acknowledgedAt: '2026-11-29T09:00:01.000Z', deletedReports: 3 }
};

async function openTheConfirmation() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Your data' }));
  fireEvent.click(screen.getByRole('button', { name: 'Ask the vendor to delete this site’s data' }));
  return screen.getByRole('dialog', { name: 'Ask the vendor to delete this site’s data?' });
}

test('the button asks first, and the question says what goes, what stays and what if the vendor is away', async () => {
  const { calls } = renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => ok({ entries: [] }), requestVendorDeletion: () => ok({ vendorDeletion: acknowledged }) });
  const dialog = await openTheConfirmation();

  expect(dialog.textContent).toContain('deletes every report this site has sent');
  expect(dialog.textContent).toContain('cannot be undone');
  expect(dialog.textContent).toContain('Nothing changes on this site');
  expect(dialog.textContent).toContain('tried again every day');
  expect(calls.map((c) => c.name)).not.toContain('requestVendorDeletion');
});

test('cancelling sends nothing and closes the question', async () => {
  const { calls } = renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => ok({ entries: [] }), requestVendorDeletion: () => ok({ vendorDeletion: acknowledged }) });
  const dialog = await openTheConfirmation();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

  expect(screen.queryByRole('dialog')).toBeNull();
  expect(calls.map((c) => c.name)).not.toContain('requestVendorDeletion');
});

test('confirming sends the request once and closes the question', async () => {
  const { calls } = renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => ok({ entries: [] }), requestVendorDeletion: () => ok({ vendorDeletion: acknowledged }) });
  const dialog = await openTheConfirmation();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Ask the vendor to delete' }));

  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(calls.filter((c) => c.name === 'requestVendorDeletion')).toHaveLength(1);
});

test('a request that fails keeps the question open and says why, so the admin can try again or cancel', async () => {
  renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => ok({ entries: [] }), requestVendorDeletion: () => fail('TRANSPORT', 'connect ECONNREFUSED') });
  const dialog = await openTheConfirmation();
  fireEvent.click(within(dialog).getByRole('button', { name: 'Ask the vendor to delete' }));

  expect(await within(dialog).findByText(explainError({ code: 'TRANSPORT', message: '' }))).toBeDefined();
  expect(screen.getByRole('dialog')).toBeDefined();
});
