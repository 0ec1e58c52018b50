/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { render, screen, within } from '@testing-library/react';
import { fail, ok, type AccountName } from '@usage-reporting/core/api';
import type { LedgerEntry } from '@usage-reporting/core';
import { ClientProvider } from '../src/api/client-context';
import { LedgerTable } from '../src/screens/data/LedgerTable';
import { fakeBackend, type Handlers } from './page-fixtures';

/**
 * The ledger's "Who" column shows the name the product gives each account (looked up as the admin
 * viewing), with the stored account id beside it; the ids alone when names cannot be had.
 */
const ADMIN = '712020:3f1c9a52-6d0e-4b7a-9c11-0a2b3c4d5e6f';
const LEFT = '712020:8e2d4b61-1f3a-4c5d-8e9f-7a6b5c4d3e2f';
const DEACTIVATED = '712020:1111aaaa-1f3a-4c5d-8e9f-7a6b5c4d3e2f';
const STRANGER = '712020:00000000-0000-4000-8000-0000000000aa';

const entry = (id: string, accountId: string | null, at: string): LedgerEntry => ({
  id,
  at,
  accountId,
  action: 'set-consent',
  changes: [{ path: 'mode', from: 'not-asked', to: 'per-case' }],
  formatVersion: 2
});
const entries = [
  entry('a', ADMIN, '2026-11-29T09:05:00.000Z'),
  entry('b', LEFT, '2026-11-29T09:04:00.000Z'),
  entry('c', DEACTIVATED, '2026-11-29T09:03:00.000Z'),
  entry('d', STRANGER, '2026-11-29T09:02:00.000Z'),
  entry('e', null, '2026-11-29T09:01:00.000Z')
];
const accounts: AccountName[] = [
  { accountId: ADMIN, status: 'active', displayName: 'Site Admin' },
  { accountId: LEFT, status: 'closed', displayName: 'Former user' },
  { accountId: DEACTIVATED, status: 'inactive', displayName: 'Dana Example' },
  { accountId: STRANGER, status: 'unknown', displayName: null }
];

function showLedger(handlers: Handlers) {
  const backend = fakeBackend({ getLedger: () => ok({ entries }), ...handlers });
  render(
    <ClientProvider client={backend.client}>
      <LedgerTable revision="1" />
    </ClientProvider>
  );
  return backend;
}

const whoCells = async () => {
  const table = await screen.findByTestId('ledger');
  return within(table).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('td')[0]!);
};

describe('names in the consent ledger', () => {
  it('shows each account by the name the product gives it, with its id; closed, inactive and unknown accounts say so', async () => {
    const backend = showLedger({ getLedgerNames: () => ok({ accounts }) });
    await screen.findByText('Site Admin');
    const cells = await whoCells();
    expect(cells.map((c) => c.textContent)).toEqual([
      `Site Admin ${ADMIN}`,
      `A closed account ${LEFT}`,
      `Dana Example (inactive account) ${DEACTIVATED}`,
      `An account this site does not know ${STRANGER}`,
      'A closed account'
    ]);
    expect(screen.getByTestId('ledger-names-note').textContent).toBe(
      'Names are looked up in the product as you and shown only on this page. The app does not store them or send them anywhere.'
    );
    // One call for the ledger, one for its names, each once.
    expect(backend.calls.map((c) => c.name).sort()).toEqual(['getLedger', 'getLedgerNames']);
  });

  it('shows the account ids, and says why, when the names cannot be looked up', async () => {
    showLedger({ getLedgerNames: () => fail('TRANSPORT', 'Jira did not give the names (Jira answered 503 to the name lookup).') });
    expect(await screen.findByText('The names could not be looked up, so the account ids are shown.')).toBeDefined();
    const cells = await whoCells();
    expect(cells.map((c) => c.textContent)).toEqual([ADMIN, LEFT, DEACTIVATED, STRANGER, 'A closed account']);
  });
});
