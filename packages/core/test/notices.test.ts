import {
  acceptAnswerOutput,
  envelopeSchema,
  fail,
  handOverReportOutput,
  noticeCodes,
  noticeSchema,
  refusal,
  refusalNoticeSchema,
  resolverContract,
  retractOutput,
  sendReportOutput,
  type Notice
} from '../src/api';

/**
 * What the backend tells the admin travels as a code and typed parameters, never as a sentence: the
 * page words it in the admin's language. These are the contract's checks of that shape.
 */
const oneOfEach: Notice[] = [
  { code: 'send.sent', params: {} },
  { code: 'send.receiptUnverified', params: { detail: "the collector's receipt could not be verified: signed by another key" } },
  { code: 'send.unreachable', params: { detail: 'collector failed (503 UNAVAILABLE)' } },
  { code: 'send.unreachable', params: { detail: null } },
  { code: 'send.refused', params: { detail: 'collector refused the content (422 PRIVACY_VIOLATION)' } },
  { code: 'send.cancelled', params: { detail: null } },
  { code: 'handOver.ready', params: {} },
  { code: 'retract.deleted', params: { deletedReports: 3 } },
  { code: 'answer.receiptVerified', params: {} },
  { code: 'answer.deletionAcknowledged', params: { deletedReports: 1 } },
  { code: 'answer.restrictionAcknowledged', params: {} },
  { code: 'answer.exportVerified', params: { kept: false } },
  ...refusalNoticeSchema.options.map((o) => refusal(o.shape.code.value))
];

test('noticeCodes names every code once, and the examples here cover all of them', () => {
  expect(new Set(noticeCodes).size).toBe(noticeCodes.length);
  expect(new Set(oneOfEach.map((n) => n.code))).toEqual(new Set(noticeCodes));
});

test.each(oneOfEach.map((n) => [n.code, n] as const))('%s round-trips through JSON unchanged', (_code, notice) => {
  expect(noticeSchema.parse(JSON.parse(JSON.stringify(notice)))).toEqual(notice);
});

test.each([
  ['an unknown code', { code: 'send.lost', params: {} }],
  ['a sentence instead of a code', { code: 'The report was sent and the vendor confirmed receipt.', params: {} }],
  ['a missing parameter', { code: 'retract.deleted', params: {} }],
  ['a parameter of the wrong type', { code: 'answer.deletionAcknowledged', params: { deletedReports: '1' } }],
  ['a parameter the code does not take', { code: 'send.sent', params: { detail: 'x' } }],
  ['no params at all', { code: 'handOver.ready' }]
])('refuses %s', (_label, value) => {
  expect(noticeSchema.safeParse(value).success).toBe(false);
});

const entry = {
  reportId: '6c0a4c6e-4c2d-4b0a-9a57-3f3f5b8f0a11',
  trigger: 'per-case',
  createdAt: '2026-11-29T10:00:00.000Z',
  sentAt: null,
  status: 'pending',
  digest: 'a'.repeat(64),
  size: 10,
  attempts: 1,
  lastError: 'collector failed (503)',
  receipt: null,
  period: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' }
};

describe('each output that tells the admin something carries only its own notices', () => {
  test('a send: its outcome beside a send notice, and no sentence', () => {
    const queued = { reportId: entry.reportId, outcome: 'queued', receipt: null, notice: { code: 'send.unreachable', params: { detail: 'collector failed (503)' } }, entry };
    const wire = JSON.parse(JSON.stringify({ ok: true, data: queued }));
    expect(envelopeSchema(resolverContract.sendReport.output).parse(wire)).toEqual({ ok: true, data: queued });
    expect(sendReportOutput.safeParse({ ...queued, message: 'The report is queued.' }).success).toBe(false);
    expect(sendReportOutput.safeParse({ ...queued, notice: { code: 'handOver.ready', params: {} } }).success).toBe(false);
  });

  test('a hand-over, a retraction and an answer each take their own codes only', () => {
    const file = { fileName: 'usage-report.json', text: '{}', entry };
    expect(handOverReportOutput.parse({ ...file, notice: { code: 'handOver.ready', params: {} } }).notice.code).toBe('handOver.ready');
    expect(handOverReportOutput.safeParse({ ...file, notice: { code: 'send.sent', params: {} } }).success).toBe(false);
    expect(retractOutput.parse({ entry, notice: { code: 'retract.deleted', params: { deletedReports: 2 } } }).notice.params.deletedReports).toBe(2);
    expect(retractOutput.safeParse({ entry, notice: { code: 'answer.restrictionAcknowledged', params: {} } }).success).toBe(false);
    const answer = { kind: 'restriction-acknowledgement', collectorKeyFingerprint: `SHA256:${'K'.repeat(43)}`, entry: null, document: null };
    expect(acceptAnswerOutput.parse({ ...answer, notice: { code: 'answer.restrictionAcknowledged', params: {} } }).notice.code).toBe('answer.restrictionAcknowledged');
    expect(acceptAnswerOutput.safeParse({ ...answer, notice: { code: 'retract.deleted', params: { deletedReports: 1 } } }).success).toBe(false);
  });
});

describe('a refusal the admin can act on travels beside the error code', () => {
  test('fail() carries it, and the envelope round-trips it through JSON', () => {
    const refused = fail('ANSWER_NOT_VERIFIED', 'This export answers an earlier request. Nothing was recorded.', refusal('answer.refused.earlierExport'));
    const wire = JSON.parse(JSON.stringify(refused));
    expect(envelopeSchema(resolverContract.acceptCollectorAnswer.output).parse(wire)).toEqual({
      ok: false,
      error: { code: 'ANSWER_NOT_VERIFIED', message: 'This export answers an earlier request. Nothing was recorded.', notice: { code: 'answer.refused.earlierExport', params: {} } }
    });
  });

  test('an error without one has no notice field at all, and an outcome notice is no refusal', () => {
    expect(fail('STORAGE', 'try again')).toEqual({ ok: false, error: { code: 'STORAGE', message: 'try again' } });
    const schema = envelopeSchema(resolverContract.acceptCollectorAnswer.output);
    expect(schema.safeParse({ ok: false, error: { code: 'CONFLICT', message: 'x', notice: { code: 'send.sent', params: {} } } }).success).toBe(false);
  });
});
