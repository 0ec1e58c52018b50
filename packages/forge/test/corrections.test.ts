import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { createWorld, DAY, type World } from './engine-support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

async function sendOne(): Promise<{ reportId: string; text: string; period: { from: string; to: string } }> {
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  expect(sent.outcome).toBe('sent');
  return { reportId: draft.reportId, text: draft.text, period: sent.entry.period };
}

const entryOf = async (reportId: string) => (await w.must('getHistory')).entries.find((e) => e.reportId === reportId);

describe('correcting a report that left', () => {
  test('previews a fresh report for the same period with today’s settings, sends exactly those bytes, and history shows the chain', async () => {
    const original = await sendOne();
    w.advance(3 * DAY);
    // Today's settings differ: usage is no longer shared, so the correction leaves it out.
    await w.must('setRestrictions', { restrictions: { categories: ['usage'], fields: [], purposes: ['product-improvement', 'troubleshooting'] } });

    const correction = await w.must('previewCorrection', { reportId: original.reportId });
    expect(correction.supersedes).toBe(original.reportId);
    expect(correction.reportId).not.toBe(original.reportId);
    const report = JSON.parse(correction.text) as { period: unknown; fields: Record<string, unknown>; withheld: Array<{ key: string; reason: string }> };
    expect(report.period).toEqual(original.period);
    expect(Object.keys(report.fields).some((k) => k.startsWith('usage.'))).toBe(false);
    expect(report.withheld).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'restricted-category' })]));

    const sent = await w.must('sendCorrection', { draftId: correction.draftId, digest: correction.digest });
    expect(sent).toMatchObject({ outcome: 'sent', entry: { trigger: 'correction', supersedes: original.reportId, status: 'sent' } });

    const atCollector = await w.received();
    expect(atCollector.map((r) => r.bytes)).toEqual([original.text, correction.text]);
    const exported = installationExportSchema.parse(JSON.parse((await w.must('requestVendorExport')).json));
    expect(exported.reports.find((r) => r.reportId === original.reportId)).toMatchObject({ supersededBy: correction.reportId });
    expect(exported.reports.find((r) => r.reportId === correction.reportId)).toMatchObject({ supersedes: original.reportId, bytes: correction.text });

    expect(await entryOf(original.reportId)).toMatchObject({ status: 'sent', supersededBy: { reportId: correction.reportId } });
    const ledger = (await w.must('getLedger')).entries;
    expect(ledger.find((e) => e.action === 'correct-report')).toMatchObject({ digest: correction.digest, changes: [{ path: 'history.correctedReport', from: original.reportId, to: correction.reportId }] });

    // A corrected report is not corrected twice: the correction is the one to act on now.
    expect(await w.call('previewCorrection', { reportId: original.reportId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('a correction preview cannot be sent as an ordinary report, nor an ordinary preview as a correction', async () => {
    const original = await sendOne();
    const correction = await w.must('previewCorrection', { reportId: original.reportId });
    expect(await w.call('sendReport', { draftId: correction.draftId, digest: correction.digest })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const plain = await w.must('preview');
    expect(await w.call('sendCorrection', { draftId: plain.draftId, digest: plain.digest })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await w.received()).toHaveLength(1);
  });

  test('a correction while the collector is down is queued, and the daily run delivers it', async () => {
    const original = await sendOne();
    const correction = await w.must('previewCorrection', { reportId: original.reportId });
    w.platform.faults.failEgress({ status: 503 });
    const sent = await w.must('sendCorrection', { draftId: correction.draftId, digest: correction.digest });
    expect(sent.outcome).toBe('queued');
    expect(await w.call('retractReport', { reportId: original.reportId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    w.advance(DAY);
    await w.scheduled();
    expect(await entryOf(correction.reportId)).toMatchObject({ status: 'sent' });
    expect(await entryOf(original.reportId)).toMatchObject({ supersededBy: { reportId: correction.reportId } });
  });

  test('only a report that left can be corrected or retracted', async () => {
    await w.must('setConsent', { mode: 'per-case' });
    const draft = await w.must('preview');
    expect(await w.call('previewCorrection', { reportId: draft.reportId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await w.call('retractReport', { reportId: draft.reportId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('retracting a report that left', () => {
  test('the vendor deletes its copy, the acknowledgement is kept in history and the ledger', async () => {
    const first = await sendOne();
    w.advance(DAY);
    const second = await sendOne();
    const out = await w.must('retractReport', { reportId: first.reportId });
    expect(out.entry).toMatchObject({ reportId: first.reportId, retraction: { deletedReports: 1 } });
    expect(out.notice).toEqual({ code: 'retract.deleted', params: { deletedReports: 1 } });
    expect((await w.received()).map((r) => r.reportId)).toEqual([second.reportId]);

    const exported = installationExportSchema.parse(JSON.parse((await w.must('requestVendorExport')).json));
    expect(exported.reports.map((r) => r.reportId)).toEqual([second.reportId]);
    expect(exported.retractions).toEqual([expect.objectContaining({ reportId: first.reportId, acknowledgementId: out.entry.retraction?.acknowledgementId })]);
    expect((await w.must('getLedger')).entries.map((e) => e.action)).toContain('retract-report');
    expect(await w.call('retractReport', { reportId: first.reportId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('retracting a correction deletes it and the report it replaced: the collector holds no copy of either', async () => {
    const original = await sendOne();
    const correction = await w.must('previewCorrection', { reportId: original.reportId });
    await w.must('sendCorrection', { draftId: correction.draftId, digest: correction.digest });
    const out = await w.must('retractReport', { reportId: correction.reportId });
    expect(out.entry.retraction?.deletedReports).toBe(2);
    expect(await w.received()).toEqual([]);
  });

  test('a retraction the collector cannot take changes nothing and says so', async () => {
    const original = await sendOne();
    w.platform.faults.failEgress({ status: 503 });
    expect(await w.call('retractReport', { reportId: original.reportId })).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    expect((await entryOf(original.reportId))?.retraction).toBeUndefined();
    expect(await w.received()).toHaveLength(1);
  });
});
