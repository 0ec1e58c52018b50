import { kvs } from '@forge/kvs';
import { sha256Hex } from '@usage-reporting/core/node';
import { ledgerEntrySchema } from '@usage-reporting/core';
import { COLLECTOR_ORIGIN, createWorld, HOUR, type World } from './engine-support';
import { storageKey } from '../src/store/kvs-store';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

const egressCount = () => w.platform.counters.snapshot().egress[COLLECTOR_ORIGIN] ?? 0;

describe('preview, then a per-case send', () => {
  test('the collector stores exactly the previewed bytes, and the history and ledger say so', async () => {
    const draft = await w.must('preview');
    expect(sha256Hex(draft.text)).toBe(draft.digest);
    await w.consent.set('per-case');

    const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });

    expect(sent).toMatchObject({ reportId: draft.reportId, outcome: 'sent', entry: { status: 'sent', trigger: 'per-case', digest: draft.digest, attempts: 1 } });
    const received = await w.received();
    expect(received.map((r) => r.bytes)).toEqual([draft.text]);
    expect(sent.receipt).toMatchObject({ reportId: draft.reportId, digest: draft.digest, duplicate: false });

    const entry = await w.must('getHistoryEntry', { reportId: draft.reportId });
    expect(entry.text).toBe(draft.text);
    expect(entry.entry.receipt?.receiptId).toBe(received[0]?.receiptId);

    const ledger = await w.platform.runAsInvocation({ functionKey: 'resolver' }, async () =>
      (await kvs.query().where('key', { condition: 'BEGINS_WITH', values: [storageKey('ledger:')] }).getMany()).results.map((r) => ledgerEntrySchema.parse(r.value))
    );
    expect(ledger.filter((e) => e.action === 'send-per-case')).toEqual([
      expect.objectContaining({ accountId: w.admin, digest: draft.digest, formatVersion: 2 })
    ]);
  });

  test('a second send of the same draft afterwards is refused and nothing more is transmitted', async () => {
    const draft = await w.must('preview');
    await w.consent.set('per-case');
    await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
    const again = await w.call('sendReport', { draftId: draft.draftId, digest: draft.digest });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(egressCount()).toBe(1);
  });
});

describe('sendReport refuses with nothing sent', () => {
  const expectNothingSent = async () => {
    expect(egressCount()).toBe(0);
    expect(await w.received()).toEqual([]);
    expect((await w.must('getHistory')).entries).toEqual([]);
  };

  test('DIGEST_MISMATCH when the digest is not the previewed one', async () => {
    const draft = await w.must('preview');
    await w.consent.set('per-case');
    const wrong = draft.digest.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await w.call('sendReport', { draftId: draft.draftId, digest: wrong })).toMatchObject({ ok: false, error: { code: 'DIGEST_MISMATCH' } });
    await expectNothingSent();
  });

  test('DRAFT_EXPIRED when the preview is older than its TTL, or never existed', async () => {
    const draft = await w.must('preview');
    await w.consent.set('per-case');
    w.advance(HOUR);
    expect(await w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ ok: false, error: { code: 'DRAFT_EXPIRED' } });
    const unknown = { draftId: '7a1c9f52-3a6e-4d8b-9c0d-1e2f3a4b5c6d', digest: draft.digest };
    expect(await w.call('sendReport', unknown)).toMatchObject({ ok: false, error: { code: 'DRAFT_EXPIRED' } });
    await expectNothingSent();
  });

  test('CONSENT_REQUIRED before the admin chose how to share', async () => {
    const draft = await w.must('preview');
    expect(await w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    await expectNothingSent();
  });

  test('CONSENT_REQUIRED after sharing was withdrawn', async () => {
    await w.consent.set('per-case');
    const draft = await w.must('preview');
    await w.consent.set('off');
    expect(await w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    await expectNothingSent();
  });

  test('RESTRICTIONS_CHANGED when a field was excluded after the preview', async () => {
    await w.consent.set('per-case');
    const draft = await w.must('preview');
    await w.consent.restrict({ categories: [], fields: ['site.projects'], purposes: ['product-improvement', 'troubleshooting'] });
    expect(await w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ ok: false, error: { code: 'RESTRICTIONS_CHANGED' } });
    await expectNothingSent();
  });
});

describe('two admins clicking send at once', () => {
  test('one transmission: one call sends, the other is told it is already being sent', async () => {
    const draft = await w.must('preview');
    await w.consent.set('per-case');
    const results = await Promise.all([
      w.call('sendReport', { draftId: draft.draftId, digest: draft.digest }),
      w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })
    ]);
    const codes = results.map((r) => (r.ok ? r.data.outcome : r.error.code)).sort();
    expect(codes).toEqual(['CONFLICT', 'sent']);
    expect(egressCount()).toBe(1);
    expect((await w.received()).map((r) => r.bytes)).toEqual([draft.text]);
    expect((await w.must('getHistory')).entries).toHaveLength(1);
  });
});

describe('storage failures', () => {
  let errorLog: jest.SpyInstance;
  beforeEach(() => {
    errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errorLog.mockRestore());

  test('a send whose queueing fails sends nothing, says STORAGE, and the same draft can be sent again', async () => {
    const draft = await w.must('preview');
    await w.consent.set('per-case');
    w.platform.faults.failKvs({ path: '/api/v1/transaction' });
    expect(await w.call('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(egressCount()).toBe(0);
    expect(await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).toMatchObject({ outcome: 'sent' });
    expect((await w.received()).map((r) => r.bytes)).toEqual([draft.text]);
  });

  test('a resolver meeting a KVS outage answers STORAGE in plain words, not INTERNAL', async () => {
    w.platform.faults.failKvs({ path: '/api/v1/query' });
    const result = await w.call('getHistory');
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/500|INTERNAL_SERVER_ERROR|Simulated/);
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('[resolver getHistory] STORAGE'));
  });
});
