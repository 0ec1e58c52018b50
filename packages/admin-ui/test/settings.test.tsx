/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import { adminPage, type Handlers } from './page-fixtures';
import { renderApp } from './render-app';

async function openSettings(handlers: Handlers) {
  const backend = renderApp(handlers);
  fireEvent.click(await screen.findByRole('tab', { name: 'Settings' }));
  return backend;
}

describe('settings', () => {
  it('before the first decision, no sharing mode is selected and there is nothing to save', async () => {
    await openSettings({ loadAdminPage: () => ok(adminPage()) });
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).checked)).toEqual([false, false, false]);
    expect(screen.getByRole('button', { name: 'Save sharing choice' })).toHaveProperty('disabled', true);
    expect(screen.getByText('No reports are being sent from this site, so there is nothing to withdraw.')).toBeDefined();
  });

  it('switching to automatic asks how often and saves mode and cadence together', async () => {
    let page: AdminPageOutput = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    const { calls } = await openSettings({
      loadAdminPage: () => ok(page),
      setConsent: (input) => {
        page = { ...page, consent: { ...page.consent, mode: input.mode, cadence: input.cadence ?? page.consent.cadence, revision: 2 } };
        return ok({ consent: page.consent, newFields: [], nextAutomaticAt: '2026-12-06T00:00:00.000Z' });
      }
    });
    expect(screen.queryByRole('group', { name: 'How often' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /Send automatically/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Weekly' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save sharing choice' }));
    expect((await screen.findByTestId('saved-mode')).textContent).toBe('Sharing choice saved.');
    expect(calls.find((c) => c.name === 'setConsent')?.payload).toEqual({ mode: 'automatic', cadence: 'weekly' });
    expect(screen.getByTestId('mode-label').textContent).toBe('Send automatically');
  });

  it('will not save restrictions that leave no purpose', async () => {
    await openSettings({ loadAdminPage: () => ok(adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } })) });
    fireEvent.click(screen.getByRole('checkbox', { name: /Product improvement/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Troubleshooting/ }));
    expect(screen.getByRole('alert').textContent).toContain('Keep at least one purpose');
    expect(screen.getByRole('button', { name: 'Save restrictions' })).toHaveProperty('disabled', true);
  });

  it('excludes a single field', async () => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    const { calls } = await openSettings({
      loadAdminPage: () => ok(page),
      setRestrictions: ({ restrictions }) => ok({ consent: { ...page.consent, restrictions }, newFields: [], nextAutomaticAt: null })
    });
    fireEvent.click(screen.getByRole('checkbox', { name: /site\.projects/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save restrictions' }));
    await waitFor(() => expect(calls.some((c) => c.name === 'setRestrictions')).toBe(true));
    expect(calls.find((c) => c.name === 'setRestrictions')?.payload).toEqual({
      restrictions: { categories: [], fields: ['site.projects'], purposes: ['product-improvement', 'troubleshooting'] }
    });
  });

  it.each([
    ['29', false],
    ['731', false],
    ['90.5', false],
    ['', false],
    ['90', true]
  ])('accepts a retention of "%s" days: %s', async (days, valid) => {
    await openSettings({ loadAdminPage: () => ok(adminPage()) });
    const input = screen.getByLabelText('Keep copies of sent reports for (days)');
    fireEvent.change(input, { target: { value: days } });
    expect(input.getAttribute('aria-invalid')).toBe(String(!valid));
    expect(screen.getByRole('button', { name: 'Save retention' })).toHaveProperty('disabled', !valid);
  });
});
