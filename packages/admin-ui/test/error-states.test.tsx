/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { errorCodes, fail, ok } from '@usage-reporting/core/api';
import type { ClientErrorCode } from '../src/api/client';
import { ExactBytesView } from '../src/components/ExactBytesView';
import { explainError } from '../src/copy/error-copy';
import { adminPage, historyEntry, report, type Handlers } from './page-fixtures';
import { renderApp } from './render-app';

const allCodes: ClientErrorCode[] = [...errorCodes, 'UNREACHABLE', 'BAD_RESPONSE'];
/** What a stack trace looks like when a backend message carries one by mistake. */
const stacky = 'Error: boom\n    at sendReport (/app/src/engine/send.ts:42:11)\n    at async handler (/app/src/index.ts:9:3)';

describe('every failure in plain words', () => {
  it.each(allCodes)('%s has its own plain explanation, without codes or jargon', (code) => {
    const words = explainError({ code, message: 'x' });
    expect(words.length).toBeGreaterThan(20);
    expect(words).not.toMatch(/[A-Z]{2,}_[A-Z]/);
    expect(words).not.toMatch(/exception|stack|undefined|null|resolver/i);
  });

  it('gives each code a different explanation', () => {
    const texts = allCodes.map((code) => explainError({ code, message: '' }));
    expect(new Set(texts).size).toBe(allCodes.length);
  });

  it.each(errorCodes)('a send refused with %s says the report was not sent, in words, and keeps any stack out of sight', async (code) => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    renderApp({ loadAdminPage: () => ok(page), sendReport: () => fail(code, stacky) });
    fireEvent.click(await screen.findByRole('button', { name: 'Send this report' }));
    const alert = await screen.findByText('The report was not sent');
    const box = alert.closest('[role="alert"]');
    if (!(box instanceof HTMLElement)) throw new Error('no alert box');
    expect(box.dataset.errorCode).toBe(code);
    expect(within(box).getByText(explainError({ code, message: '' }))).toBeDefined();
    expect(box.textContent).not.toContain('send.ts');
    expect(box.textContent).toContain('Error: boom');
  });

  it('says the vendor did not answer and the report is queued when the transport fails', async () => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    const queued = report();
    renderApp({
      loadAdminPage: () => ok(page),
      sendReport: () =>
        ok({
          reportId: queued.reportId,
          outcome: 'queued',
          receipt: null,
          notice: { code: 'send.unreachable', params: { detail: 'network: TypeError' } },
          entry: historyEntry(queued, { status: 'pending', sentAt: null, receipt: null, lastError: 'timeout' })
        })
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send this report' }));
    const box = await screen.findByTestId('send-receipt');
    expect(box.dataset.outcome).toBe('queued');
    expect(within(box).getByText("The vendor's server did not answer. The report is queued and will be retried automatically.")).toBeDefined();
    // The backend's wording is kept for support, not as the headline.
    expect(within(box).getByText('Details for support')).toBeDefined();
  });

  it('shows progress while the report is on its way, and disables sending twice', async () => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    let answer: (value: ReturnType<typeof fail>) => void = () => undefined;
    renderApp({ loadAdminPage: () => ok(page), sendReport: () => new Promise((resolve) => (answer = resolve)) });
    fireEvent.click(await screen.findByRole('button', { name: 'Send this report' }));
    expect((await screen.findByRole('status')).textContent).toBe('Sending the report to the vendor…');
    expect(screen.getByRole('button', { name: 'Send this report' })).toHaveProperty('disabled', true);
    answer(fail('INTERNAL', 'boom'));
    expect(await screen.findByText('The report was not sent')).toBeDefined();
  });

  it('says the vendor refused a rejected report', async () => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    const rejected = report();
    renderApp({
      loadAdminPage: () => ok(page),
      sendReport: () =>
        ok({ reportId: rejected.reportId, outcome: 'rejected', receipt: null, notice: { code: 'send.refused', params: { detail: 'collector refused the content (422)' } }, entry: historyEntry(rejected, { status: 'rejected', receipt: null }) })
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send this report' }));
    expect((await screen.findByTestId('send-receipt')).dataset.outcome).toBe('rejected');
    expect(screen.getByText('The vendor refused the report')).toBeDefined();
  });

  it.each([
    ['the bridge fails', () => Promise.reject(new Error('Network down')), 'UNREACHABLE'],
    ['the answer has the wrong shape', () => ({ ok: true, data: { nothing: 1 } }), 'BAD_RESPONSE'],
    ['storage fails', () => fail('STORAGE', 'KVS 500'), 'STORAGE']
  ] as const)('a first load where %s explains itself and offers to try again', async (_label, answer, code) => {
    let attempts = 0;
    const { calls } = renderApp({
      loadAdminPage: (() => {
        attempts += 1;
        return attempts === 1 ? answer() : ok(adminPage());
      }) as Handlers['loadAdminPage']
    });
    const box = (await screen.findByText('The page could not load')).closest('[role="alert"]');
    expect(box instanceof HTMLElement && box.dataset.errorCode).toBe(code);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { name: 'The report that would be sent now' });
    expect(calls.map((c) => c.name)).toEqual(['loadAdminPage', 'loadAdminPage']);
  });

  it('keeps the last good page when a refresh fails, and says it could not be brought up to date', async () => {
    let answers = 0;
    renderApp({
      loadAdminPage: () => (++answers === 1 ? ok(adminPage()) : fail('INTERNAL', 'boom')),
      setConsent: () => ok({ consent: { ...adminPage().consent, mode: 'off', revision: 1 }, newFields: [], nextAutomaticAt: null })
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Don’t send' }));
    expect(await screen.findByText('The page could not be brought up to date')).toBeDefined();
    expect(screen.getByTestId('preview')).toBeDefined();
  });

  it('says the choice was not saved when setConsent fails, and sends nothing', async () => {
    const { calls } = renderApp({ loadAdminPage: () => ok(adminPage()), setConsent: () => fail('STORAGE', 'KVS 500') });
    fireEvent.click(await screen.findByRole('button', { name: 'Send this report' }));
    expect(await screen.findByText('Your choice was not saved')).toBeDefined();
    expect(calls.map((c) => c.name)).not.toContain('sendReport');
  });

  it.each([
    ['Your data', 'Export as JSON', 'exportData', null],
    ['Your data', 'Download the vendor’s copy', 'requestVendorExport', null],
    // This one asks first (VendorDeletionDialog): the request is made by the confirmation's button.
    ['Your data', 'Ask the vendor to delete this site’s data', 'requestVendorDeletion', 'Ask the vendor to delete']
  ] as const)('in %s, "%s" failing with TRANSPORT shows the plain explanation', async (tab, button, resolver, confirm) => {
    renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => ok({ entries: [] }), [resolver]: () => fail('TRANSPORT', 'connect ECONNREFUSED') });
    fireEvent.click(await screen.findByRole('tab', { name: tab }));
    fireEvent.click(screen.getByRole('button', { name: button }));
    if (confirm) fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: confirm }));
    expect(await screen.findByText(explainError({ code: 'TRANSPORT', message: '' }))).toBeDefined();
  });

  it('says when the ledger cannot be loaded', async () => {
    renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => fail('STORAGE', 'KVS 500') });
    fireEvent.click(await screen.findByRole('tab', { name: 'Your data' }));
    expect(await screen.findByText('The ledger could not be loaded')).toBeDefined();
  });

  it('says when a past report cannot be loaded', async () => {
    const past = report();
    renderApp({ loadAdminPage: () => ok(adminPage({ history: [historyEntry(past)] })), getHistoryEntry: () => fail('NOT_FOUND', 'gone') });
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    fireEvent.click(screen.getByRole('button', { name: /Show the report of/ }));
    expect(await screen.findByText('The report could not be loaded')).toBeDefined();
    expect(screen.getByText(explainError({ code: 'NOT_FOUND', message: '' }))).toBeDefined();
  });

  it('says an erase that failed part-way did not finish and may have erased some items, and keeps the dialog open', async () => {
    renderApp({ loadAdminPage: () => ok(adminPage()), getLedger: () => ok({ entries: [] }), eraseData: () => fail('STORAGE', 'KVS 500') });
    fireEvent.click(await screen.findByRole('tab', { name: 'Your data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase all app data on this site' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Erase everything' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText('Type ERASE to confirm'), { target: { value: 'ERASE' } });
    fireEvent.click(confirm);
    expect(await within(dialog).findByText('Erasing did not finish')).toBeDefined();
    expect(within(dialog).getByText(/Some items may already be erased/)).toBeDefined();
    expect(within(dialog).queryByText('Nothing was erased')).toBeNull();
  });

  it('says consent was not withdrawn when withdraw fails', async () => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    renderApp({ loadAdminPage: () => ok(page), withdraw: () => fail('STORAGE', 'KVS 500') });
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw consent' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw consent' }));
    expect(await within(dialog).findByText('Consent was not withdrawn')).toBeDefined();
  });

  it('warns loudly when the shown bytes do not match the digest', async () => {
    render(<ExactBytesView bytes='{"a":1}' digest={'0'.repeat(64)} fileName="r.json" />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('these bytes do not match the digest'));
  });

  it('confirms in the page when the digest matches the bytes', async () => {
    render(<ExactBytesView bytes='{"a":1}' digest="015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862" fileName="r.json" />);
    expect(await screen.findByText('(checked in your browser: matches these bytes)')).toBeDefined();
  });
});
