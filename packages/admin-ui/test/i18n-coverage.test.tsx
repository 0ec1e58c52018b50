/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen } from '@testing-library/react';
import { ok } from '@usage-reporting/core/api';
import type { AdminPageOutput, HistoryEntry } from '@usage-reporting/core/api';
import { UsageReportingAdminPage, en, type Messages } from '../src/index';
import { adminPage, fakeBackend, historyEntry, report } from './page-fixtures';

/**
 * Every word on the page comes from the message catalog: in a pseudo-language that marks each
 * message ‹like this›, any text node without a mark is a string some component still hard-codes.
 * What may stand unmarked is data: codes and keys, values, digests, dates and numbers.
 */
// Each run of words between placeholders is marked, so markup put into a placeholder leaves every piece marked.
const mark = (text: string) => text.split(/(\{[A-Za-z][A-Za-z0-9]*\})/).map((part) => (part === '' || part.startsWith('{') ? part : `‹${part}›`)).join('');
const pseudo = Object.fromEntries(
  Object.entries(en).map(([key, message]) => [
    key,
    typeof message === 'string' ? mark(message) : Object.fromEntries(Object.entries(message).map(([form, text]) => [form, mark(text)]))
  ])
) as unknown as Messages;
const languages = { 'en-XA': pseudo };

/** A moment as the locale writes it: `29 Nov 2026, 09:00 UTC`, `Nov 29, 2026, 9:00 AM UTC`. */
const isDateTime = (text: string) => /^(\d{1,2} )?[A-Z][a-z]{2}( \d{1,2},)? \d{4}, \d{1,2}:\d{2}( [AP]M)? UTC$/.test(text);

/** Text nodes that are neither inside a message nor data the page shows as it is. */
function unmarkedText(catalogWords: ReadonlySet<string>): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text === '' || /[‹›]/.test(text) || catalogWords.has(text)) continue;
    const parent = node.parentElement;
    // Identifiers, bytes and the catalog's own words (field descriptions and values come from the backend's catalog).
    if (parent?.closest('code, pre, .field-value, .readable-report td, [data-testid="exact-bytes"], option[value]')) continue;
    if (/^[\d\s.,:–\-/()+]*(UTC)?[\d\s.,:–\-/()]*$/.test(text) || isDateTime(text)) continue;
    found.push(text);
  }
  return found;
}

/** Opens each section in turn; `shows` names test ids the report section must show, so the screen checked is the one meant. */
async function expectEveryTabMarked(page: AdminPageOutput, history: HistoryEntry[], shows: string[] = []) {
  const { client } = fakeBackend({
    loadAdminPage: () => ok(page),
    getHistory: () => ok({ entries: history, purgedReports: 1 }),
    getLedger: () => ok({ entries: [] })
  });
  // The metric catalog's descriptions are its own words (translated by the catalog, not the page).
  const catalogWords = new Set(page.fields.map((f) => f.description));
  render(<UsageReportingAdminPage client={client} followHostTheme={false} locale="en-XA" languages={languages} />);
  await screen.findByRole('tab', { name: '‹Report›' });
  expect(document.querySelector('[data-error-code]')).toBeNull();
  for (const id of shows) expect(screen.getByTestId(id)).toBeDefined();
  expect(unmarkedText(catalogWords)).toEqual([]);
  for (const tab of ['‹Settings›', '‹History›', '‹Your data›']) {
    fireEvent.click(screen.getByRole('tab', { name: tab }));
    await screen.findAllByText(/‹/);
    expect({ tab, unmarked: unmarkedText(catalogWords) }).toEqual({ tab, unmarked: [] });
  }
}

test('the first visit: the explanation, the preview and the three choices', async () => {
  await expectEveryTabMarked(adminPage(), [], ['preview']);
});

test('sending automatically, with reports waiting and one sent', async () => {
  const sent = historyEntry(report());
  const page = adminPage({
    consent: { ...adminPage().consent, mode: 'automatic', cadence: 'weekly', acceptedFormat: 2, revision: 1 },
    nextAutomaticAt: '2099-12-01T09:00:00.000Z',
    outboxSize: 2,
    history: [sent]
  });
  await expectEveryTabMarked(page, [sent], ['mode-summary', 'outbox-summary']);
});

test('manual delivery: handing over, the files waiting, and requests to the vendor', async () => {
  const r = report();
  const waiting: HistoryEntry = {
    ...historyEntry(r, { status: 'pending', receipt: null, attempts: 0 }),
    delivery: { mode: 'manual', preparedAt: '2026-11-29T10:00:00.000Z', handedOverAt: '2026-11-29T10:00:00.000Z', fileName: `usage-report-${r.reportId}.json`, acknowledgedAt: null, answer: null }
  };
  const base = adminPage();
  const page = adminPage({
    consent: { ...base.consent, mode: 'per-case', acceptedFormat: 2, revision: 1 },
    history: [waiting],
    delivery: {
      mode: 'manual',
      collectorKey: { ok: true, fingerprint: `SHA256:${'K'.repeat(43)}` },
      rightsRequests: [{ kind: 'delete', requestedAt: '2026-11-29T11:00:00.000Z', fileName: 'usage-reporting-request-delete.json', answeredAt: null, collectorKeyFingerprint: null, answer: null }],
      vendorExport: null
    }
  });
  await expectEveryTabMarked(page, [waiting], ['hand-over', 'hand-over-waiting', 'answer-box']);
});
