/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { adminPage, historyEntry, report } from './page-fixtures';
import { renderApp } from './render-app';

describe('the first visit', () => {
  it('loads everything with one resolver call and shows the explanation, the preview and three choices', async () => {
    const page = adminPage();
    const { calls } = renderApp({ loadAdminPage: () => ok(page) });
    await screen.findByRole('heading', { name: 'What this app would share, and why' });
    expect(calls.map((c) => c.name)).toEqual(['loadAdminPage']);
    expect(screen.getByRole('heading', { name: 'The report that would be sent now' })).toBeDefined();
    const choices = within(screen.getByRole('region', { name: 'Your choice' }));
    expect(choices.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Send this report',
      'Send automatically — don’t ask me again',
      'Don’t send'
    ]);
    // No choice is styled as the default one.
    expect(new Set(choices.getAllByRole('button').map((b) => b.className)).size).toBe(1);
    // Nothing that could read as consent is on before the admin chooses.
    expect(screen.queryAllByRole('radio', { checked: true })).toEqual([]);
    expect(screen.queryAllByRole('checkbox', { checked: true })).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Withdraw consent' })).toBeNull();
    expect(screen.getByTestId('mode-label').textContent).toBe('Not decided yet');
  });

  it('"Send this report" records a per-case choice, then sends exactly the previewed draft and shows the receipt', async () => {
    const page = adminPage();
    const sent = report();
    let current: AdminPageOutput = page;
    const { calls } = renderApp({
      loadAdminPage: () => ok(current),
      setConsent: () => {
        current = { ...page, consent: { ...page.consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } };
        return ok({ consent: current.consent, newFields: [], nextAutomaticAt: null });
      },
      sendReport: ({ draftId }) => {
        const entry = historyEntry(sent, { receipt: { receiptId: 'rcpt-42', reportId: sent.reportId, receivedAt: '2026-11-29T10:01:00.000Z', digest: page.preview.digest, duplicate: false } });
        current = { ...current, history: [entry] };
        return ok({ reportId: draftId === page.preview.draftId ? sent.reportId : 'x', outcome: 'sent', receipt: entry.receipt, notice: { code: 'send.sent', params: {} }, entry });
      }
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send this report' }));
    const receipt = await screen.findByTestId('send-receipt');
    expect(receipt.dataset.outcome).toBe('sent');
    expect(within(receipt).getByTestId('receipt-id').textContent).toBe('rcpt-42');
    expect(within(receipt).getByTestId('receipt-digest').textContent).toBe(page.preview.digest);
    expect(calls.map((c) => c.name)).toEqual(['loadAdminPage', 'setConsent', 'sendReport', 'loadAdminPage']);
    expect(calls[1]?.payload).toEqual({ mode: 'per-case' });
    expect(calls[2]?.payload).toEqual({ draftId: page.preview.draftId, digest: page.preview.digest });
    await waitFor(() => expect(screen.getByTestId('mode-label').textContent).toBe('Ask me each time'));
  });

  it('"Send automatically" saves the chosen cadence and sends nothing itself', async () => {
    const page = adminPage();
    const { calls } = renderApp({
      loadAdminPage: () => ok(page),
      setConsent: (input) => ok({ consent: { ...page.consent, mode: input.mode, cadence: input.cadence ?? 'monthly', revision: 1 }, newFields: [], nextAutomaticAt: null })
    });
    fireEvent.change(await screen.findByLabelText('How often:'), { target: { value: 'weekly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send automatically — don’t ask me again' }));
    await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['loadAdminPage', 'setConsent', 'loadAdminPage']));
    expect(calls[1]?.payload).toEqual({ mode: 'automatic', cadence: 'weekly' });
  });

  it('"Don’t send" records the refusal', async () => {
    const page = adminPage();
    const { calls } = renderApp({
      loadAdminPage: () => ok(page),
      setConsent: () => ok({ consent: { ...page.consent, mode: 'off', revision: 1 }, newFields: [], nextAutomaticAt: null })
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Don’t send' }));
    await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['loadAdminPage', 'setConsent', 'loadAdminPage']));
    expect(calls[1]?.payload).toEqual({ mode: 'off' });
  });

  it('shows a non-admin a refusal and no data', async () => {
    renderApp({ loadAdminPage: () => ({ ok: false, error: { code: 'NOT_ADMIN', message: 'Only site admins may use this page.' } }) });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Only site administrators can use this page');
    expect(screen.queryByTestId('preview')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('refuses even if an answer with data says the viewer is not an admin', async () => {
    renderApp({ loadAdminPage: () => ok(adminPage({ context: { product: 'confluence', isAdmin: false, appVersion: '1.4.0' } })) });
    await screen.findByText('Only site administrators can use this page');
    expect(screen.queryByTestId('preview')).toBeNull();
  });
});

describe('after the first decision', () => {
  it('keeps "Withdraw consent" visible and offers vendor deletion in its confirmation', async () => {
    const base = adminPage();
    let current = adminPage({ consent: { ...base.consent, mode: 'automatic', acceptedFormat: 2, revision: 3 }, nextAutomaticAt: '2026-12-01T00:00:00.000Z' });
    const { calls } = renderApp({
      loadAdminPage: () => ok(current),
      withdraw: ({ alsoRequestVendorDeletion }) => {
        const vendorDeletion = alsoRequestVendorDeletion
          ? { status: 'pending' as const, requestedAt: '2026-11-29T10:00:00.000Z', attempts: 1, nextAttemptAt: '2026-11-30T10:00:00.000Z', lastError: "The vendor's server did not answer.", acknowledgement: null }
          : null;
        current = { ...current, consent: { ...current.consent, mode: 'off', revision: 4 }, vendorDeletion };
        return ok({ consent: current.consent, cancelledReports: 2, vendorDeletion });
      }
    });
    for (const tab of ['Settings', 'History', 'Your data', 'Report']) {
      fireEvent.click(await screen.findByRole('tab', { name: tab }));
      expect(screen.getAllByRole('button', { name: 'Withdraw consent' }).length).toBeGreaterThan(0);
    }
    fireEvent.click(screen.getAllByRole('button', { name: 'Withdraw consent' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Withdraw consent?' });
    fireEvent.click(within(dialog).getByLabelText('Also ask the vendor to delete data already sent from this site'));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw consent' })));
    expect(calls.find((c) => c.name === 'withdraw')?.payload).toEqual({ alsoRequestVendorDeletion: true });
    expect((await screen.findByTestId('outcome-withdrawn')).textContent).toContain('2 waiting reports were cancelled');
    const status = await screen.findByTestId('vendor-deletion');
    expect(status.dataset.status).toBe('pending');
    expect(status.textContent).toContain('The last attempt did not get an answer from the vendor.');
    expect(screen.queryByRole('button', { name: 'Withdraw consent' })).toBeNull();
  });

  it('shows new fields with their descriptions and accepts them at the current format', async () => {
    const base = adminPage();
    const newFields = base.fields.filter((f) => f.since === 2);
    let current = adminPage({ consent: { ...base.consent, mode: 'automatic', acceptedFormat: 1, revision: 2 }, newFields });
    const { calls } = renderApp({
      loadAdminPage: () => ok(current),
      acceptFormat: ({ version }) => {
        current = { ...current, consent: { ...current.consent, acceptedFormat: version, revision: 3 }, newFields: [] };
        return ok({ consent: current.consent, newFields: [], nextAutomaticAt: null });
      }
    });
    const banner = await screen.findByTestId('new-fields-banner');
    for (const field of newFields) expect(within(banner).getByText(field.description, { exact: false })).toBeDefined();
    fireEvent.click(within(banner).getByRole('button', { name: 'Accept the new fields' }));
    await waitFor(() => expect(screen.queryByTestId('new-fields-banner')).toBeNull());
    expect(calls.find((c) => c.name === 'acceptFormat')?.payload).toEqual({ version: 2 });
  });

  it('saves a category restriction as the normalised restriction set', async () => {
    const base = adminPage();
    let current = adminPage({ consent: { ...base.consent, mode: 'per-case', acceptedFormat: 2, revision: 2 } });
    const { calls } = renderApp({
      loadAdminPage: () => ok(current),
      setRestrictions: ({ restrictions }) => {
        current = { ...current, consent: { ...current.consent, restrictions, revision: 3 } };
        return ok({ consent: current.consent, newFields: [], nextAutomaticAt: null });
      }
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }));
    fireEvent.click(screen.getByLabelText(/Share usage fields/));
    fireEvent.click(screen.getByRole('button', { name: 'Save restrictions' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'setRestrictions')).toBe(true));
    expect(calls.find((c) => c.name === 'setRestrictions')?.payload).toEqual({
      restrictions: { categories: ['usage'], fields: [], purposes: ['product-improvement', 'troubleshooting'] }
    });
    // The form starts again from the saved state, and the confirmation survives that.
    expect((await screen.findByTestId('saved-restrictions')).textContent).toBe('Saved. The preview now shows the report with these restrictions.');
    expect(screen.getByLabelText(/Share usage fields/)).toHaveProperty('checked', false);
  });
});
