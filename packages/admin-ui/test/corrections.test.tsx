/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fail, ok } from '@usage-reporting/core/api';
import type { CorrectionPreviewOutput, SendReportOutput } from '@usage-reporting/core/api';
import { canonicalJson } from '@usage-reporting/core';
import type { LedgerEntry } from '@usage-reporting/core';
import type { HistorySummary } from '@usage-reporting/core';
import type { Report } from '@usage-reporting/core';
import { ClientProvider } from '../src/api/client-context';
import { LedgerTable } from '../src/screens/data/LedgerTable';
import { adminPage, fakeBackend, historyEntry, previewOf, report, type Handlers } from './page-fixtures';
import { renderApp } from './render-app';

/**
 * The right to correct, over a backend that keeps its history as state: a retraction or a correction
 * changes what the next loadAdminPage and getHistoryEntry answer, as the real backend's would.
 */
function receiptFor(r: Report, receiptId: string, at: string): HistorySummary['receipt'] {
  return { ...historyEntry(r).receipt!, receiptId, receivedAt: at };
}

function sentEntry(r: Report, receiptId: string, at: string, overrides: Partial<HistorySummary> = {}): HistorySummary {
  return historyEntry(r, { createdAt: at, sentAt: at, receipt: receiptFor(r, receiptId, at), ...overrides });
}

type Scenario = ReturnType<typeof reportsAndHistory>;

function reportsAndHistory() {
  const plain = report({ period: { from: '2026-10-29', to: '2026-11-28' } });
  const replaced = report({ period: { from: '2026-09-01', to: '2026-09-30' } });
  const correction = report({ period: replaced.period, fields: { 'app.versionMajor': 1, 'site.projects': '51-100' } });
  const retracted = report({ period: { from: '2026-08-01', to: '2026-08-31' } });
  const awaiting = report({ period: { from: '2026-07-01', to: '2026-07-31' } });
  const awaitingCorrection = report({ period: awaiting.period });
  const refused = report();
  const reports = [plain, replaced, correction, retracted, awaiting, awaitingCorrection, refused];

  const state = {
    history: [
      sentEntry(plain, 'rcpt-plain', '2026-11-29T09:00:00.000Z'),
      sentEntry(awaitingCorrection, 'unused', '2026-11-25T09:00:00.000Z', {
        trigger: 'correction',
        supersedes: awaiting.reportId,
        status: 'pending',
        sentAt: null,
        receipt: null
      }),
      sentEntry(correction, 'rcpt-correction', '2026-11-20T10:00:00.000Z', { trigger: 'correction', supersedes: replaced.reportId }),
      sentEntry(replaced, 'rcpt-replaced', '2026-10-01T09:00:00.000Z', {
        supersededBy: { reportId: correction.reportId, at: '2026-11-20T10:00:00.000Z' }
      }),
      sentEntry(retracted, 'rcpt-retracted', '2026-09-01T09:00:00.000Z', {
        retraction: { acknowledgementId: 'ack-earlier', retractedAt: '2026-11-10T08:00:00.000Z', deletedReports: 1 }
      }),
      sentEntry(awaiting, 'rcpt-awaiting', '2026-08-01T09:00:00.000Z'),
      sentEntry(refused, 'unused', '2026-07-01T09:00:00.000Z', { status: 'rejected', sentAt: null, receipt: null, lastError: 'refused' })
    ]
  };
  return { reports, state, plain, replaced, correction, retracted, awaiting, awaitingCorrection, refused };
}

/** The page over that backend; `extra` adds the resolvers a test needs, with the scenario's state in reach. */
function scenario(extra: (s: Scenario) => Handlers = () => ({})) {
  const s = reportsAndHistory();
  const textOf = (reportId: string) => canonicalJson(s.reports.find((r) => r.reportId === reportId)!);
  const entryOf = (reportId: string) => s.state.history.find((h) => h.reportId === reportId)!;
  const backend = renderApp({
    loadAdminPage: () => ok(adminPage({ history: s.state.history })),
    getHistory: () => ok({ entries: s.state.history, purgedReports: 0 }),
    getHistoryEntry: ({ reportId }) => ok({ entry: entryOf(reportId), text: textOf(reportId), previousText: null, previousReportId: null }),
    ...extra(s)
  });
  return { ...s, backend };
}

function row(reportId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`tr[data-report-id="${reportId}"]`);
  if (!found) throw new Error(`no history row for ${reportId}`);
  return found;
}

async function openHistory() {
  fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
}

/** Opens one report from its row and waits for its entry view. */
async function openEntry(reportId: string): Promise<HTMLElement> {
  fireEvent.click(within(row(reportId)).getByRole('button', { name: /Show the report of/ }));
  const detail = await screen.findByTestId('history-entry');
  await within(detail).findByTestId('history-entry-title');
  return detail;
}

function namesOf(calls: { name: string }[]): string[] {
  return calls.map((c) => c.name);
}

describe('which reports can be corrected or retracted', () => {
  it('offers both actions only on a report that left and that the vendor still counts', async () => {
    const s = scenario();
    await openHistory();
    const offered: Record<string, boolean> = {};
    for (const [name, r] of Object.entries({
      plain: s.plain,
      correction: s.correction,
      replaced: s.replaced,
      retracted: s.retracted,
      awaiting: s.awaiting,
      awaitingCorrection: s.awaitingCorrection,
      refused: s.refused
    })) {
      const detail = await openEntry(r.reportId);
      const correct = within(detail).queryByRole('button', { name: 'Correct this report' });
      const retract = within(detail).queryByRole('button', { name: 'Retract this report' });
      expect(correct === null).toBe(retract === null);
      offered[name] = correct !== null;
    }
    expect(offered).toEqual({
      plain: true,
      // A correction that arrived is a report like any other: it can be corrected or retracted in turn.
      correction: true,
      replaced: false,
      retracted: false,
      awaiting: false,
      awaitingCorrection: false,
      refused: false
    });
  });

  it('says a report has a correction on its way, and links to it', async () => {
    const s = scenario();
    await openHistory();
    const detail = await openEntry(s.awaiting.reportId);
    expect(within(detail).getByTestId('chain-pending-correction').textContent).toContain(
      'A correction of this report, prepared 25 Nov 2026, 09:00 UTC, is waiting to be sent; until it arrives the vendor still counts this report.'
    );
    fireEvent.click(within(detail).getByRole('button', { name: 'Open the correction' }));
    await waitFor(() => expect(screen.getByTestId('history-entry-title').textContent).toBe('Correction of 25 Nov 2026, 09:00 UTC'));
  });
});

describe('retracting a report', () => {
  const acknowledged = (s: Scenario): NonNullable<Handlers['retractReport']> => () => {
    const entry = s.state.history[0]!;
    const retractedEntry = { ...entry, retraction: { acknowledgementId: 'ack-7f3a', retractedAt: '2026-11-30T12:00:00.000Z', deletedReports: 1 } };
    s.state.history = [retractedEntry, ...s.state.history.slice(1)];
    return ok({ entry: retractedEntry, notice: { code: 'retract.deleted', params: { deletedReports: 1 } } });
  };

  it('asks first, saying what will happen; cancelling sends nothing and gives focus back', async () => {
    const s = scenario(() => ({ retractReport: () => fail('INTERNAL', 'must not be called') }));
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    const retract = within(detail).getByRole('button', { name: 'Retract this report' });
    retract.focus();
    fireEvent.click(retract);
    const dialog = screen.getByRole('dialog', { name: 'Retract this report?' });
    expect(dialog.textContent).toContain(
      'The vendor will delete its copy of the report of 29 Nov 2026, 09:00 UTC (receipt rcpt-plain) and no longer count it.'
    );
    expect(dialog.textContent).toContain('This cannot be undone.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(retract);
    expect(namesOf(s.backend.calls)).not.toContain('retractReport');
  });

  it('once confirmed, asks the vendor for that one report and shows its acknowledgement; history then reads Retracted', async () => {
    const s = scenario((s) => ({ retractReport: acknowledged(s) }));
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Retract this report' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Retract the report' }));

    const notice = await screen.findByTestId('retract-acknowledgement');
    expect(s.backend.calls.filter((c) => c.name === 'retractReport').map((c) => c.payload)).toEqual([{ reportId: s.plain.reportId }]);
    expect(notice.dataset.acknowledged).toBe('true');
    expect(within(notice).getByTestId('acknowledgement-id').textContent).toBe('ack-7f3a');
    expect(within(notice).getByTestId('deleted-reports').textContent).toBe('1');
    expect(notice.textContent).toContain('30 Nov 2026, 12:00 UTC');
    // Focus follows the answer, since the button that was pressed is gone.
    expect(document.activeElement).toBe(screen.getByTestId('rights-outcome'));

    await waitFor(() => expect(row(s.plain.reportId).dataset.chain).toBe('retracted'));
    expect(within(row(s.plain.reportId)).getByRole('cell', { name: /Retracted/ }).textContent).toBe('Retracted 30 Nov 2026, 12:00 UTC');
    const reloaded = await within(screen.getByTestId('history-entry')).findByTestId('chain-retracted');
    expect(reloaded.textContent).toBe(
      'Retracted 30 Nov 2026, 12:00 UTC — the vendor deleted its copy (acknowledgement ack-7f3a). Only this site’s own record of it remains.'
    );
    expect(screen.queryByRole('button', { name: 'Retract this report' })).toBeNull();
    expect(screen.getByTestId('retract-acknowledgement')).toBe(notice);
  });

  it('explains a retraction the vendor could not be asked for, and leaves the report as it was', async () => {
    const s = scenario(() => ({ retractReport: () => fail('TRANSPORT', 'collector answered 503') }));
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Retract this report' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Retract the report' }));
    const error = (await within(detail).findByText('The report was not retracted')).closest<HTMLElement>('[role="alert"]')!;
    expect(error.dataset.errorCode).toBe('TRANSPORT');
    expect(error.textContent).toContain('The report was not retracted');
    expect(row(s.plain.reportId).dataset.chain).toBeUndefined();
    expect(within(detail).getByRole('button', { name: 'Retract this report' })).toBeDefined();
  });
});

describe('correcting a report', () => {
  const corrected = report({ period: { from: '2026-10-29', to: '2026-11-28' }, fields: { 'app.versionMajor': 2, 'site.projects': '51-100' } });

  // One frozen draft for the whole suite, so a test can name the draftId and digest the backend handed out.
  const frozen = previewOf(corrected);
  function correctionDraft(supersedes: string): CorrectionPreviewOutput {
    return { ...frozen, createdAt: '2026-11-30T10:00:00.000Z', expiresAt: '2026-11-30T10:30:00.000Z', supersedes };
  }

  /** The backend's send: the correction arrives, and the original is now superseded by it. */
  function sendsAndSupersedes(s: Scenario): NonNullable<Handlers['sendCorrection']> {
    return () => {
      const at = '2026-11-30T10:05:00.000Z';
      const entry = sentEntry(corrected, 'rcpt-new-correction', at, { trigger: 'correction', supersedes: s.plain.reportId });
      s.reports.push(corrected);
      const [original, ...rest] = s.state.history;
      s.state.history = [entry, { ...original!, supersededBy: { reportId: corrected.reportId, at } }, ...rest];
      const result: SendReportOutput = { reportId: corrected.reportId, outcome: 'sent', receipt: entry.receipt, notice: { code: 'send.sent', params: {} }, entry };
      return ok(result);
    };
  }

  it('shows the correction’s draft like the preview: the exact bytes and digest, the same period, today’s settings', async () => {
    const s = scenario((s) => ({ previewCorrection: () => ok(correctionDraft(s.plain.reportId)) }));
    const draft = correctionDraft(s.plain.reportId);
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Correct this report' }));

    const preview = await within(detail).findByTestId('correction-preview');
    expect(s.backend.calls.filter((c) => c.name === 'previewCorrection').map((c) => c.payload)).toEqual([{ reportId: s.plain.reportId }]);
    // The period is a range of days in the locale's own form (Intl formatRange, whose spaces around the dash vary by ICU version).
    expect(preview.textContent).toMatch(
      /It covers the same period as the report of 29 Nov 2026, 09:00 UTC \(29\sOct\s–\s28\sNov\s2026\) and replaces it at the vendor\. It is built with today’s settings/
    );
    const table = within(preview).getByRole('table', { name: /Every field of the report/ });
    expect(within(table).getByRole('row', { name: /site\.projects/ }).textContent).toContain('51-100');
    fireEvent.click(within(preview).getByRole('tab', { name: 'Exact bytes' }));
    expect(within(preview).getByTestId('exact-bytes').textContent).toBe(canonicalJson(corrected));
    expect(within(preview).getByTestId('report-digest').textContent).toBe(draft.digest);
    expect(within(preview).getByTestId('signing-key-fingerprint').textContent).toBe(draft.signingKeyFingerprint);
  });

  it('“Send this correction” sends exactly that draft, shows the receipt, and history shows the chain both ways', async () => {
    const s = scenario((s) => ({ previewCorrection: () => ok(correctionDraft(s.plain.reportId)), sendCorrection: sendsAndSupersedes(s) }));
    const draft = correctionDraft(s.plain.reportId);
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Correct this report' }));
    fireEvent.click(await within(detail).findByRole('button', { name: 'Send this correction' }));

    const receipt = await screen.findByTestId('send-receipt');
    expect(s.backend.calls.filter((c) => c.name === 'sendCorrection').map((c) => c.payload)).toEqual([
      { draftId: draft.draftId, digest: draft.digest }
    ]);
    expect(receipt.dataset.kind).toBe('correction');
    expect(receipt.dataset.outcome).toBe('sent');
    expect(within(receipt).getByTestId('receipt-id').textContent).toBe('rcpt-new-correction');
    expect(within(receipt).getByText('Correction sent')).toBeDefined();

    await waitFor(() => expect(row(s.plain.reportId).dataset.chain).toBe('superseded'));
    expect(within(row(s.plain.reportId)).getByRole('cell', { name: /Corrected/ }).textContent).toBe('Corrected 30 Nov 2026, 10:05 UTC');
    const newRow = row(corrected.reportId);
    expect(newRow.dataset.chain).toBe('correction');
    expect(newRow.dataset.trigger).toBe('correction');
    expect(within(newRow).getByRole('cell', { name: 'Correction of an earlier report' })).toBeDefined();

    const replacedNote = await within(screen.getByTestId('history-entry')).findByTestId('chain-superseded');
    expect(replacedNote.textContent).toContain('Replaced by the correction of 30 Nov 2026, 10:05 UTC (receipt rcpt-new-correction).');
    fireEvent.click(within(replacedNote).getByRole('button', { name: 'Open the correction' }));
    const correctsNote = await screen.findByTestId('chain-corrects');
    expect(correctsNote.textContent).toContain('Corrects the report of 29 Nov 2026, 09:00 UTC.');
    expect(document.activeElement).toBe(screen.getByTestId('history-entry-title'));
    fireEvent.click(within(correctsNote).getByRole('button', { name: 'Open the report it corrects' }));
    await waitFor(() => expect(screen.getByTestId('history-entry-title').textContent).toBe('Report of 29 Nov 2026, 09:00 UTC'));
  });

  it('Cancel drops the draft without sending and gives focus back to “Correct this report”', async () => {
    const s = scenario((s) => ({
      previewCorrection: () => ok(correctionDraft(s.plain.reportId)),
      sendCorrection: () => fail('INTERNAL', 'must not be called')
    }));
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Correct this report' }));
    fireEvent.click(await within(detail).findByRole('button', { name: 'Cancel' }));
    expect(within(detail).queryByTestId('correction-preview')).toBeNull();
    expect(document.activeElement).toBe(within(detail).getByRole('button', { name: 'Correct this report' }));
    expect(namesOf(s.backend.calls)).not.toContain('sendCorrection');
  });

  it('a correction refused because its draft went stale is explained, and the draft stays in view', async () => {
    const s = scenario((s) => ({
      previewCorrection: () => ok(correctionDraft(s.plain.reportId)),
      sendCorrection: () => fail('DRAFT_EXPIRED', 'draft expired at 10:30')
    }));
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Correct this report' }));
    fireEvent.click(await within(detail).findByRole('button', { name: 'Send this correction' }));
    const error = (await within(detail).findByText('The correction was not sent')).closest<HTMLElement>('[role="alert"]')!;
    expect(error.dataset.errorCode).toBe('DRAFT_EXPIRED');
    expect(error.textContent).toContain('The correction was not sent');
    expect(within(detail).getByTestId('correction-preview')).toBeDefined();
    expect(row(s.plain.reportId).dataset.chain).toBeUndefined();
  });

  it('a correction the vendor did not answer is queued, and says the vendor still counts the original', async () => {
    const s = scenario((s) => ({
      previewCorrection: () => ok(correctionDraft(s.plain.reportId)),
      sendCorrection: () => {
      const entry = sentEntry(corrected, 'unused', '2026-11-30T10:05:00.000Z', {
        trigger: 'correction',
        supersedes: s.plain.reportId,
        status: 'pending',
        sentAt: null,
        receipt: null
      });
      s.reports.push(corrected);
      s.state.history = [entry, ...s.state.history];
      return ok({ reportId: corrected.reportId, outcome: 'queued', receipt: null, notice: { code: 'send.unreachable', params: { detail: 'collector answered 503' } }, entry });
      }
    }));
    await openHistory();
    const detail = await openEntry(s.plain.reportId);
    fireEvent.click(within(detail).getByRole('button', { name: 'Correct this report' }));
    fireEvent.click(await within(detail).findByRole('button', { name: 'Send this correction' }));
    const outcome = await screen.findByTestId('send-receipt');
    expect(outcome.dataset.outcome).toBe('queued');
    expect(outcome.textContent).toContain('until it arrives, the vendor still counts the original report');
    // Reloaded, the original now has a correction on its way, so no second one is offered.
    await within(screen.getByTestId('history-entry')).findByTestId('chain-pending-correction');
    expect(screen.queryByRole('button', { name: 'Correct this report' })).toBeNull();
  });
});

describe('the chain in history', () => {
  it('labels a replaced report Corrected, a retracted one Retracted and a correction as such, each with its data-chain', async () => {
    const s = scenario();
    await openHistory();
    const cells = (r: Report) => Array.from(row(r.reportId).querySelectorAll('th, td')).slice(0, 3).map((c) => c.textContent);
    expect(row(s.replaced.reportId).dataset.chain).toBe('superseded');
    expect(cells(s.replaced)).toEqual(['1 Oct 2026, 09:00 UTC', 'Sent by an admin', 'Corrected 20 Nov 2026, 10:00 UTC']);
    expect(row(s.retracted.reportId).dataset.chain).toBe('retracted');
    expect(cells(s.retracted)).toEqual(['1 Sept 2026, 09:00 UTC', 'Sent by an admin', 'Retracted 10 Nov 2026, 08:00 UTC']);
    expect(row(s.correction.reportId).dataset.chain).toBe('correction');
    expect(cells(s.correction)).toEqual(['20 Nov 2026, 10:00 UTC', 'Correction of an earlier report', 'Sent']);
    expect(row(s.plain.reportId).dataset.chain).toBeUndefined();
  });

  it('names the report a correction replaces, with its receipt, and the one a correction corrects, each opening the other', async () => {
    const s = scenario();
    await openHistory();
    const detail = await openEntry(s.replaced.reportId);
    const replacedNote = within(detail).getByTestId('chain-superseded');
    expect(replacedNote.textContent).toBe(
      'Replaced by the correction of 20 Nov 2026, 10:00 UTC (receipt rcpt-correction). The vendor no longer counts this report. Open the correction'
    );
    fireEvent.click(within(replacedNote).getByRole('button', { name: 'Open the correction' }));
    const correctsNote = await screen.findByTestId('chain-corrects');
    expect(s.backend.calls.at(-1)).toEqual({ name: 'getHistoryEntry', payload: { reportId: s.correction.reportId } });
    expect(correctsNote.textContent).toBe('Corrects the report of 1 Oct 2026, 09:00 UTC. Open the report it corrects');
    fireEvent.click(within(correctsNote).getByRole('button', { name: 'Open the report it corrects' }));
    await screen.findByTestId('chain-superseded');
    expect(s.backend.calls.at(-1)).toEqual({ name: 'getHistoryEntry', payload: { reportId: s.replaced.reportId } });
  });

  it('says a retracted report was deleted by the vendor, with the acknowledgement', async () => {
    const s = scenario();
    await openHistory();
    const detail = await openEntry(s.retracted.reportId);
    expect(within(detail).getByTestId('chain-retracted').textContent).toBe(
      'Retracted 10 Nov 2026, 08:00 UTC — the vendor deleted its copy (acknowledgement ack-earlier). Only this site’s own record of it remains.'
    );
  });
});

describe('the consent ledger', () => {
  const entry = (action: LedgerEntry['action'], at: string): LedgerEntry => ({
    id: action,
    at,
    accountId: '5b10a2844c20165700ede21g',
    action,
    changes: [],
    formatVersion: 2,
    digest: 'a'.repeat(64)
  });

  it('names a correction and a retraction in words', async () => {
    const entries = [entry('correct-report', '2026-11-30T10:05:00.000Z'), entry('retract-report', '2026-11-30T12:00:00.000Z')];
    const { client } = fakeBackend({ getLedger: () => ok({ entries }) });
    render(
      <ClientProvider client={client}>
        <LedgerTable revision="1" />
      </ClientProvider>
    );
    const table = await screen.findByTestId('ledger');
    const what = Array.from(table.querySelectorAll('tbody tr')).map((tr) => [
      (tr as HTMLElement).dataset.action,
      tr.querySelector('td[data-label="What"]')?.textContent
    ]);
    expect(what).toEqual([
      ['retract-report', 'Asked the vendor to retract a report'],
      ['correct-report', 'Sent a correction of an earlier report']
    ]);
  });
});
