/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type AdminPageOutput, type HistoryEntry } from '@usage-reporting/core/api';
import { adminPage, historyEntry, report } from './page-fixtures';
import { renderApp } from './render-app';

/**
 * Manual delivery (the app has no egress): the page offers "Hand over" instead of "Send", keeps the
 * files the admin may download again, and takes the vendor's signed answer back. The mode comes from
 * loadAdminPage, so the first screen is still one call.
 */
const fingerprint = `SHA256:${'K'.repeat(43)}`;
const manualDelivery: AdminPageOutput['delivery'] = { mode: 'manual', collectorKey: { ok: true, fingerprint }, rightsRequests: [], vendorExport: null };

let saved: Array<{ name: string; text: string }>;
beforeEach(() => {
  saved = [];
  // The page saves files through an object URL and a link click; jsdom has neither, so both are watched here.
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, text: '' });
  });
});
afterEach(() => jest.restoreAllMocks());

function perCasePage(overrides: Partial<AdminPageOutput> = {}): AdminPageOutput {
  const page = adminPage({ delivery: manualDelivery });
  return { ...page, consent: { ...page.consent, mode: 'per-case', acceptedFormat: 2, revision: 1 }, ...overrides };
}

const handedOver = (r = report()): HistoryEntry => ({
  ...historyEntry(r, { status: 'pending', sentAt: '2026-11-29T10:00:00.000Z', receipt: null, attempts: 0 }),
  delivery: { mode: 'manual', preparedAt: '2026-11-29T10:00:00.000Z', handedOverAt: '2026-11-29T10:00:00.000Z', fileName: `usage-report-${r.reportId}.json`, acknowledgedAt: null, answer: null }
});

test('the report screen offers "Hand over", never "Send", and downloads the signed file under its name', async () => {
  const page = perCasePage();
  const entry = handedOver();
  let current = page;
  const { calls } = renderApp({
    loadAdminPage: () => ok(current),
    handOverReport: () => {
      current = { ...page, history: [entry] };
      return ok({ fileName: entry.delivery?.fileName ?? '', text: '{"format":"usage-reporting/hand-over"}\n', entry, notice: { code: 'handOver.ready', params: {} } });
    }
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Hand over this report' }));
  expect(screen.queryByRole('button', { name: 'Send this report' })).toBeNull();
  expect((await screen.findByTestId('hand-over-file-name')).textContent).toBe(entry.delivery?.fileName);
  expect(saved.map((s) => s.name)).toEqual([entry.delivery?.fileName]);
  expect(calls.map((c) => c.name)).toEqual(['loadAdminPage', 'handOverReport', 'loadAdminPage']);
  expect(calls[1]?.payload).toEqual({ draftId: page.preview.draftId, digest: page.preview.digest });
  const waiting = await screen.findByTestId('hand-over-waiting');
  expect(within(waiting).getByRole('button', { name: 'Download the file again' })).toBeDefined();
});

test('a pasted receipt is checked by the backend; the history then says "Acknowledged by the vendor" with the collector key', async () => {
  const entry = handedOver();
  const acknowledged: HistoryEntry = {
    ...entry,
    status: 'sent',
    receipt: { receiptId: 'rcpt-7', reportId: entry.reportId, receivedAt: '2026-11-29T10:05:00.000Z', digest: entry.digest, duplicate: false },
    delivery: { ...entry.delivery!, acknowledgedAt: '2026-11-29T10:05:00.000Z', answer: { answer: { format: 'usage-reporting/collector-answer', version: 1, kind: 'report-receipt', keyFingerprint: fingerprint, payload: '{}', signature: 'a'.repeat(86) }, collectorKeyFingerprint: fingerprint, verifiedAt: '2026-11-29T10:06:00.000Z' } }
  };
  let current = perCasePage({ history: [entry] });
  const { calls } = renderApp({
    loadAdminPage: () => ok(current),
    acceptCollectorAnswer: () => {
      current = { ...current, history: [acknowledged] };
      return ok({ kind: 'report-receipt', notice: { code: 'answer.receiptVerified', params: {} }, collectorKeyFingerprint: fingerprint, entry: acknowledged, document: null });
    }
  });
  const box = within(await screen.findByTestId('hand-over'));
  fireEvent.change(box.getByTestId('answer-text'), { target: { value: '{"format":"usage-reporting/collector-answer"}' } });
  fireEvent.click(box.getByRole('button', { name: 'Record the vendor’s answer' }));
  expect((await screen.findByTestId('answer-fingerprint')).textContent).toBe(fingerprint);
  expect(calls[1]).toEqual({ name: 'acceptCollectorAnswer', payload: { text: '{"format":"usage-reporting/collector-answer"}' } });

  fireEvent.click(screen.getByRole('tab', { name: 'History' }));
  const row = await screen.findByRole('row', { name: /Acknowledged by the vendor/ });
  expect(within(row).getByTestId('receipt-key').textContent).toContain(fingerprint);
});

test('an answer that does not verify is refused in plain words, and nothing changes on the page', async () => {
  const { calls } = renderApp({
    loadAdminPage: () => ok(perCasePage({ history: [handedOver()] })),
    acceptCollectorAnswer: () => fail('ANSWER_NOT_VERIFIED', "The answer's signature does not verify. Nothing was recorded.")
  });
  const box = within(await screen.findByTestId('hand-over'));
  fireEvent.change(box.getByTestId('answer-text'), { target: { value: '{}' } });
  fireEvent.click(box.getByRole('button', { name: 'Record the vendor’s answer' }));
  expect((await box.findByRole('alert')).textContent).toContain('The answer was not recorded');
  await waitFor(() => expect(calls.map((c) => c.name)).toEqual(['loadAdminPage', 'acceptCollectorAnswer']));
});

test('history tells "Ready to hand over" from "Handed over"', async () => {
  const prepared = handedOver(report());
  const ready: HistoryEntry = { ...prepared, trigger: 'automatic', sentAt: null, delivery: { ...prepared.delivery!, handedOverAt: null, fileName: null } };
  renderApp({ loadAdminPage: () => ok(perCasePage({ history: [ready, handedOver(report())] })) });
  fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
  expect(await screen.findByRole('row', { name: /Ready to hand over/ })).toBeDefined();
  expect(screen.getByRole('row', { name: /Handed over/ })).toBeDefined();
});

test('rights requests make signed request files in manual delivery', async () => {
  const { calls } = renderApp({
    loadAdminPage: () => ok(perCasePage()),
    prepareRightsRequest: (input) =>
      ok({
        fileName: `usage-report-${input.kind}-request-20261203T100000Z.json`,
        text: '{}\n',
        request: { kind: input.kind, requestedAt: '2026-12-03T10:00:00.000Z', fileName: `usage-report-${input.kind}-request-20261203T100000Z.json`, answeredAt: null, collectorKeyFingerprint: null, answer: null },
        vendorDeletion: null
      })
  });
  fireEvent.click(await screen.findByRole('tab', { name: 'Your data' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Make a deletion request file' }));
  await screen.findByTestId('rights-file');
  expect(saved.map((s) => s.name)).toEqual(['usage-report-delete-request-20261203T100000Z.json']);
  expect(calls.find((c) => c.name === 'prepareRightsRequest')?.payload).toEqual({ kind: 'delete' });
  expect(screen.queryByRole('button', { name: 'Ask the vendor to delete this site’s data' })).toBeNull();
});
