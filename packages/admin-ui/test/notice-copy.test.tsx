/** @jest-environment ./packages/admin-ui/test/jsdom-environment.ts */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { fail, noticeCodes, noticeSchema, ok, refusal, type AdminPageOutput, type HistoryEntry, type Notice } from '@usage-reporting/core/api';
import { explainNotice } from '../src/copy/notice-copy';
import { createI18n } from '../src/i18n/i18n';
import { de } from '../src/i18n/messages/de';
import { ja } from '../src/i18n/messages/ja';
import { UsageReportingAdminPage } from '../src/index';
import { adminPage, fakeBackend, historyEntry, report, type Handlers } from './page-fixtures';

/**
 * The backend says what happened as a notice code with parameters; the page words it. In English the
 * words are exactly what the backend used to write; German and Japanese say the same, with the
 * transport's own words (which quote the collector) carried inside the sentence as data.
 */
const english = createI18n();
const german = createI18n({ locale: 'de-DE', languages: { de } });
const japanese = createI18n({ locale: 'ja-JP', languages: { ja } });

const detail = 'collector failed (503 UNAVAILABLE)';
const unverified = "the collector's receipt could not be verified: The answer is signed by collector key SHA256:x, not the configured one";

/** Each notice, and the sentence the backend wrote for it before it sent codes. */
const backendWording: Array<[Notice, string]> = [
  [{ code: 'send.sent', params: {} }, 'The report was sent and the vendor confirmed receipt.'],
  [
    { code: 'send.receiptUnverified', params: { detail: unverified } },
    `The vendor's service answered, but ${unverified}. The report is not recorded as sent; it stays queued and is checked again automatically.`
  ],
  [{ code: 'send.unreachable', params: { detail } }, `The vendor's service could not be reached (${detail}). The report is queued and will be retried automatically.`],
  [{ code: 'send.unreachable', params: { detail: null } }, "The vendor's service could not be reached (not attempted yet). The report is queued and will be retried automatically."],
  [{ code: 'send.refused', params: { detail: 'collector refused the content (422)' } }, "The vendor's service refused the report: collector refused the content (422)."],
  [{ code: 'send.refused', params: { detail: null } }, "The vendor's service refused the report: no reason given."],
  [{ code: 'send.cancelled', params: { detail: 'consent withdrawn' } }, 'The report was cancelled before it left: consent withdrawn.'],
  [{ code: 'send.cancelled', params: { detail: null } }, 'The report was cancelled before it left: sharing changed.'],
  [
    { code: 'handOver.ready', params: {} },
    "The report is signed and ready to hand over: upload the file on the vendor's upload page (or send it to the vendor), then paste the receipt the vendor gives back here."
  ],
  [{ code: 'retract.deleted', params: { deletedReports: 1 } }, 'The vendor deleted its copy and no longer counts this report.'],
  [{ code: 'retract.deleted', params: { deletedReports: 3 } }, 'The vendor deleted 3 copies (the report and the ones it had replaced) and no longer counts this report.'],
  [{ code: 'answer.receiptVerified', params: {} }, 'The vendor acknowledged the report: its signed receipt verified.'],
  [{ code: 'answer.deletionAcknowledged', params: { deletedReports: 1 } }, 'The vendor acknowledged the deletion: 1 report deleted.'],
  [{ code: 'answer.deletionAcknowledged', params: { deletedReports: 0 } }, 'The vendor acknowledged the deletion: 0 reports deleted.'],
  [{ code: 'answer.restrictionAcknowledged', params: {} }, 'The vendor acknowledged the restriction.'],
  [{ code: 'answer.exportVerified', params: { kept: true } }, "The vendor's export verified."],
  [{ code: 'answer.exportVerified', params: { kept: false } }, "The vendor's export verified. It is too large to keep on the site: download it now."],
  // A refused answer: the backend's English message (for support) and the page's English are the same words.
  ...(
    [
      ['answer.refused.retraction', 'This acknowledges a retraction, and this site hands over no retractions.'],
      ['answer.refused.receiptNotHandedOver', 'The receipt is for a report this site did not hand over.'],
      ['answer.refused.receiptOtherBytes', 'The receipt is for other bytes than the report this site handed over.'],
      ['answer.refused.receiptOtherCorrection', 'The receipt is for a correction this site did not hand over.'],
      ['answer.refused.noDeletionWaiting', 'No deletion request from this site is waiting for an answer: make a deletion request file first.'],
      ['answer.refused.earlierDeletion', 'This acknowledgement answers an earlier deletion request, not the one waiting now: hand over the latest request file.'],
      ['answer.refused.noRestrictionAsked', 'This site has not asked the vendor to restrict anything.'],
      ['answer.refused.otherPurposes', 'The acknowledgement confirms another set of purposes than this site last asked for: hand over the latest request file.'],
      ['answer.refused.earlierRestriction', 'This acknowledgement answers an earlier restriction request, not the one waiting now: hand over the latest request file.'],
      ['answer.refused.noExportRequest', 'This site has not handed over an export request.'],
      ['answer.refused.earlierExport', 'This export answers an earlier request, not the one this site handed over last.']
    ] as const
  ).map(([code, words]): [Notice, string] => [refusal(code), `${words} Nothing was recorded.`])
];

describe('notices in words', () => {
  test('the examples cover every code the contract has', () => {
    expect(new Set(backendWording.map(([n]) => n.code))).toEqual(new Set(noticeCodes));
  });

  test.each(backendWording.map(([notice, words]) => [notice.code, notice, words] as const))(
    'English %s reads as the backend wrote it',
    (_code, notice, words) => {
      // Through the wire shape first: the page words what the contract lets through.
      expect(explainNotice(noticeSchema.parse(JSON.parse(JSON.stringify(notice))), english)).toBe(words);
    }
  );

  test.each(backendWording.map(([notice, words]) => [notice.code, notice, words] as const))(
    'German and Japanese %s are their own words, with the transport’s words kept as they came',
    (_code, notice, words) => {
      for (const i18n of [german, japanese]) {
        const text = explainNotice(notice, i18n);
        expect(text).not.toBe(words);
        expect(text).not.toMatch(/notice\.|\{\w+\}/);
        if ('detail' in notice.params && notice.params.detail) expect(text).toContain(notice.params.detail);
      }
    }
  );

  test('German addresses the admin formally and counts in German', () => {
    expect(explainNotice({ code: 'handOver.ready', params: {} }, german)).toContain('Laden Sie die Datei');
    expect(explainNotice({ code: 'answer.deletionAcknowledged', params: { deletedReports: 1234 } }, german)).toBe(
      'Der Anbieter hat die Löschung bestätigt: 1.234 Berichte gelöscht.'
    );
    expect(explainNotice({ code: 'handOver.ready', params: {} }, japanese)).toMatch(/ください。$/);
  });
});

function renderGerman(handlers: Handlers) {
  const backend = fakeBackend(handlers);
  render(<UsageReportingAdminPage client={backend.client} followHostTheme={false} locale="de-DE" />);
  return backend;
}

function perCase(overrides: Partial<AdminPageOutput> = {}): AdminPageOutput {
  const page = adminPage(overrides);
  return { ...page, consent: { ...page.consent, mode: 'per-case', acceptedFormat: 2, revision: 1 } };
}

describe('the page in German', () => {
  test('a queued send: the headline and text in German, and the support details in German around the transport’s words', async () => {
    const queued = report();
    renderGerman({
      loadAdminPage: () => ok(perCase()),
      sendReport: () =>
        ok({
          reportId: queued.reportId,
          outcome: 'queued',
          receipt: null,
          notice: { code: 'send.unreachable', params: { detail } },
          entry: historyEntry(queued, { status: 'pending', sentAt: null, receipt: null, lastError: detail })
        })
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Diesen Bericht senden' }));
    const box = await screen.findByTestId('send-receipt');
    expect(box.dataset.notice).toBe('send.unreachable');
    expect(within(box).getByText('Der Bericht wartet darauf, gesendet zu werden')).toBeDefined();
    expect(within(box).getByText('Details für den Support')).toBeDefined();
    expect(
      within(box).getByText(`Der Dienst des Anbieters war nicht erreichbar (${detail}). Der Bericht steht in der Warteschlange und wird automatisch erneut gesendet.`)
    ).toBeDefined();
    expect(box.textContent).not.toContain("The vendor's service");
  });

  test('a hand-over says in German where the file goes next', async () => {
    const fingerprint = `SHA256:${'K'.repeat(43)}`;
    const r = report();
    const entry: HistoryEntry = {
      ...historyEntry(r, { status: 'pending', sentAt: null, receipt: null }),
      delivery: { mode: 'manual', preparedAt: null, handedOverAt: '2026-11-29T10:00:00.000Z', fileName: `usage-report-${r.reportId}.json`, acknowledgedAt: null, answer: null }
    };
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderGerman({
      loadAdminPage: () => ok(perCase({ delivery: { mode: 'manual', collectorKey: { ok: true, fingerprint }, rightsRequests: [], vendorExport: null } })),
      handOverReport: () => ok({ fileName: entry.delivery?.fileName ?? '', text: '{}\n', entry, notice: { code: 'handOver.ready', params: {} } })
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Diesen Bericht übergeben' }));
    const done = await screen.findByTestId('handed-over');
    expect(done.textContent).toBe(
      `Übergeben: gespeichert als ${entry.delivery?.fileName}. Der Bericht ist signiert und bereit zur Übergabe: Laden Sie die Datei auf der Upload-Seite des Anbieters hoch (oder senden Sie sie an den Anbieter) und fügen Sie dann hier die Empfangsbestätigung ein, die Sie vom Anbieter zurückerhalten.`
    );
    click.mockRestore();
  });

  test('a refused answer says in German why and what to do; the English stays in the details for support', async () => {
    const fingerprint = `SHA256:${'K'.repeat(43)}`;
    const english = 'This acknowledgement answers an earlier deletion request, not the one waiting now: hand over the latest request file. Nothing was recorded.';
    renderGerman({
      loadAdminPage: () => ok(perCase({ delivery: { mode: 'manual', collectorKey: { ok: true, fingerprint }, rightsRequests: [], vendorExport: null } })),
      acceptCollectorAnswer: () => fail('ANSWER_NOT_VERIFIED', english, refusal('answer.refused.earlierDeletion'))
    });
    const box = within(await screen.findByTestId('hand-over'));
    fireEvent.change(box.getByTestId('answer-text'), { target: { value: '{"format":"usage-reporting/collector-answer"}' } });
    fireEvent.click(box.getByRole('button', { name: 'Antwort des Anbieters erfassen' }));
    const alert = (await box.findByText('Die Antwort wurde nicht erfasst')).closest('[role="alert"]');
    expect(alert instanceof HTMLElement && alert.dataset.errorCode).toBe('ANSWER_NOT_VERIFIED');
    const shown = within(alert as HTMLElement);
    expect(
      shown.getByText(
        'Diese Bestätigung beantwortet eine frühere Löschanfrage, nicht die aktuell wartende: Übergeben Sie die neueste Anfragedatei. Es wurde nichts erfasst.'
      )
    ).toBeDefined();
    // The vendor's support reads English: the backend's message, under its code.
    expect(shown.getByText('Details für den Support')).toBeDefined();
    expect((alert as HTMLElement).querySelector('details p')?.textContent).toBe(`ANSWER_NOT_VERIFIED ${english}`);
  });
});
