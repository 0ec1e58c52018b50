import { createWorld, DAY, type World } from './engine-support';
import { kvsSnapshot } from './resolvers-support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

/** A report stuck in the outbox: sharing per case, the collector answered 503. */
async function queuedReport(): Promise<string> {
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  w.platform.faults.failEgress({ status: 503 });
  expect((await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).outcome).toBe('queued');
  return draft.reportId;
}

describe('consent changes under storage faults', () => {
  test('a failed commit changes neither the consent nor the ledger: they are written together or not at all', async () => {
    await w.must('setConsent', { mode: 'per-case' });
    const before = await kvsSnapshot(w.platform);
    w.platform.faults.failKvs({ path: '/api/v1/transaction' });
    const result = await w.call('setRestrictions', { restrictions: { categories: ['usage'], fields: [], purposes: ['troubleshooting'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(await kvsSnapshot(w.platform)).toBe(before);
  });

  test('withdrawal that dies right after committing "off" still sends nothing, and repeating it finishes the job', async () => {
    const reportId = await queuedReport();
    // The first KVS write of the withdraw invocation is the consent transaction; the function dies after it.
    w.platform.faults.killInvocation({ afterKvsWrites: 1 });
    await expect(w.call('withdraw', { alsoRequestVendorDeletion: false })).rejects.toThrow(/killed/);
    expect((await w.must('loadAdminPage')).consent.mode).toBe('off');

    w.advance(DAY);
    await w.scheduled();
    expect(await w.received()).toEqual([]);
    expect((await w.must('getHistory')).entries.find((e) => e.reportId === reportId)?.status).toBe('cancelled');

    const again = await w.must('withdraw', { alsoRequestVendorDeletion: false });
    expect(again).toMatchObject({ consent: { mode: 'off' }, cancelledReports: 0 });
    expect((await w.must('getLedger')).entries.filter((e) => e.action === 'withdraw')).toHaveLength(1);
  });

  test('a storage failure while clearing the outbox is reported, consent is already off, and nothing is sent', async () => {
    await queuedReport();
    w.platform.faults.failKvs({ path: '/api/v1/query' });
    const result = await w.call('withdraw', { alsoRequestVendorDeletion: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect((await w.must('loadAdminPage')).consent.mode).toBe('off');
    const retried = await w.must('withdraw', { alsoRequestVendorDeletion: false });
    expect(retried.cancelledReports).toBe(1);
    w.advance(DAY);
    await w.scheduled();
    expect(await w.received()).toEqual([]);
  });
});
