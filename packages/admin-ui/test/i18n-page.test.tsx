/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import type { LedgerEntry } from '@usage-reporting/core';
import { UsageReportingAdminPage, defineMessages, de } from '../src/index';
import { adminPage, fakeBackend, historyEntry, report, type Handlers } from './page-fixtures';

/**
 * The whole page in the admin's language: the words from the catalog, the field descriptions from
 * the metric catalog's own translations, and dates and numbers written the way the locale writes them.
 */
function renderPage(locale: string, handlers: Handlers, languages?: Parameters<typeof UsageReportingAdminPage>[0]['languages']) {
  const backend = fakeBackend(handlers);
  render(<UsageReportingAdminPage client={backend.client} followHostTheme={false} locale={locale} languages={languages} />);
  return backend;
}

const ledgerEntry: LedgerEntry = {
  id: 'l1',
  at: '2026-11-29T09:05:00.000Z',
  accountId: '5b10a2844c20165700ede21g',
  action: 'set-consent',
  changes: [{ path: 'mode', from: 'not-asked', to: 'per-case' }],
  formatVersion: 2
};

describe('the page in German', () => {
  it('explains, previews and asks in German, with German dates and the catalog’s German field descriptions', async () => {
    renderPage('de-DE', { loadAdminPage: () => ok(adminPage()) });
    await screen.findByRole('heading', { name: 'Was diese App weitergeben würde und warum' });
    expect(screen.getByRole('main').getAttribute('lang')).toBe('de-DE');
    expect(screen.getByTestId('context-summary').textContent).toBe('Jira · App-Version 1.4.0 · Weitergabe: Noch nicht entschieden');
    expect(screen.getByText('Erstellt am 29. Nov. 2026, 10:00 UTC. Diese Vorschau gilt bis 29. Nov. 2026, 10:30 UTC.')).toBeDefined();
    const choices = within(screen.getByRole('region', { name: 'Ihre Wahl' }));
    expect(choices.getAllByRole('button').map((b) => b.textContent)).toEqual(['Diesen Bericht senden', 'Automatisch senden – nicht mehr fragen', 'Nicht senden']);
    // The metric catalog's own German, not the page's: it reaches the page with each field.
    expect(screen.getByText('Ungefähr wie viele Jira-Projekte die Website hat, als Spanne wie 11-50.')).toBeDefined();
    expect(screen.queryByText('Roughly how many Jira projects the site has, as a range such as 11-50.')).toBeNull();
  });

  it('says when the next automatic report is due and counts waiting reports the German way', async () => {
    const page = adminPage({
      consent: { ...adminPage().consent, mode: 'automatic', cadence: 'monthly', acceptedFormat: 2, revision: 1 },
      nextAutomaticAt: '2099-12-01T09:00:00.000Z',
      outboxSize: 1234
    });
    renderPage('de-DE', { loadAdminPage: () => ok(page) });
    expect((await screen.findByTestId('mode-summary')).textContent).toBe(
      'Berichte werden automatisch gesendet (monatlich). Der nächste ist am 1. Dez. 2099, 09:00 UTC fällig.'
    );
    expect(screen.getByTestId('outbox-summary').textContent).toBe('1.234 Berichte warten darauf, gesendet zu werden; die App versucht es automatisch erneut.');
    expect(screen.getByRole('button', { name: 'Diesen Bericht jetzt senden' })).toBeDefined();
  });

  it('speaks German to an Austrian admin and writes Austrian dates', async () => {
    renderPage('de-AT', { loadAdminPage: () => ok(adminPage({ preview: { ...adminPage().preview, createdAt: '2027-01-05T10:00:00.000Z' } })) });
    expect(await screen.findByText(/^Erstellt am 5\. Jän\. 2027, 10:00 UTC\./)).toBeDefined();
  });

  it('takes a vendor’s replacement for one German message and keeps the rest', async () => {
    const languages = { de: defineMessages({ ...de, 'app.title': 'Nutzungsberichte' }) };
    renderPage('de-DE', { loadAdminPage: () => ok(adminPage()) }, languages);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nutzungsberichte' })).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Was diese App weitergeben würde und warum' })).toBeDefined();
  });
});

describe('the page in Japanese', () => {
  it('lists the history with Japanese dates and statuses', async () => {
    const sent = historyEntry(report());
    renderPage('ja-JP', { loadAdminPage: () => ok(adminPage({ history: [sent] })), getHistory: () => ok({ entries: [sent], purgedReports: 3 }) });
    fireEvent.click(await screen.findByRole('tab', { name: '履歴' }));
    const row = screen.getByRole('row', { name: /rcpt-1/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('2026年11月1日 9:00 UTC');
    expect(within(row).getAllByRole('cell').map((c) => c.textContent).slice(0, 2)).toEqual(['管理者が送信', '送信済み']);
    expect((await screen.findByTestId('history-purged')).textContent).toBe('保持期間の設定により、古いレポート 3 件がこの履歴から削除されました。');
  });

  it('shows the settings and the consent ledger in Japanese', async () => {
    const page = adminPage({ consent: { ...adminPage().consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } });
    renderPage('ja-JP', { loadAdminPage: () => ok(page), getLedger: () => ok({ entries: [ledgerEntry] }) });
    fireEvent.click(await screen.findByRole('tab', { name: '設定' }));
    expect(screen.getByRole('heading', { name: '共有してよい内容' })).toBeDefined();
    expect(screen.getByText(`個別のフィールド (${page.fields.length} 個中 ${page.fields.length} 個を共有)`)).toBeDefined();
    fireEvent.click(screen.getByRole('tab', { name: 'あなたのデータ' }));
    const ledger = await screen.findByTestId('ledger');
    const row = within(ledger).getByRole('row', { name: /5b10a2844c20165700ede21g/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('2026年11月29日 9:05 UTC');
    expect(row.textContent).toContain('レポートの送信方法を変更しました');
  });
});

describe('a language the page does not speak', () => {
  it('is English, with the locale’s own dates where English is its language', async () => {
    renderPage('fr-FR', { loadAdminPage: () => ok(adminPage()) });
    expect(await screen.findByRole('heading', { name: 'What this app would share, and why' })).toBeDefined();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('en-GB');
    expect(screen.getByText('Roughly how many Jira projects the site has, as a range such as 11-50.')).toBeDefined();
  });

  it('en-US gets US dates', async () => {
    renderPage('en-US', { loadAdminPage: () => ok(adminPage()) });
    expect(await screen.findByText('Prepared Nov 29, 2026, 10:00 AM UTC. This preview stays valid until Nov 29, 2026, 10:30 AM UTC.')).toBeDefined();
  });
});
