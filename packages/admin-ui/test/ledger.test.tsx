/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import type { LedgerEntry } from '@usage-reporting/core';
import { ClientProvider } from '../src/api/client-context';
import { LedgerTable } from '../src/screens/data/LedgerTable';
import { fakeBackend } from './page-fixtures';

const entry = (overrides: Partial<LedgerEntry>): LedgerEntry => ({
  id: overrides.action ?? 'set-consent',
  at: '2026-11-29T09:00:00.000Z',
  accountId: '5b10a2844c20165700ede21g',
  action: 'set-consent',
  changes: [{ path: 'mode', from: 'not-asked', to: 'per-case' }],
  formatVersion: 2,
  ...overrides
});


describe('the consent ledger', () => {
  it('shows who made each change, a closed account as such, and the erase note as not recorded rather than as a closed account', async () => {
    const entries = [
      entry({}),
      entry({ action: 'withdraw', accountId: null, changes: [{ path: 'mode', from: 'per-case', to: 'off' }] }),
      entry({ action: 'erase-site-data', accountId: null, changes: [{ path: 'siteData.storedKeys', from: 12, to: 0 }], formatVersion: 0 })
    ];
    const { client } = fakeBackend({ getLedger: () => ok({ entries }) });
    render(
      <ClientProvider client={client}>
        <LedgerTable revision="1" />
      </ClientProvider>
    );
    const cells = await screen.findAllByRole('cell', { name: /5b10a2844c20165700ede21g|A closed account|Not recorded/ });
    expect(cells.map((c) => c.textContent)).toEqual(expect.arrayContaining(['5b10a2844c20165700ede21g', 'A closed account', 'Not recorded']));
    expect(cells).toHaveLength(3);
  });
});
