import { kvs } from '@forge/kvs';
import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { installationIdOf } from '@usage-reporting/core/node';
import { maxVendorDeletionAttempts } from '@usage-reporting/core';
import { keys, secretKeys } from '../src/store/keys';
import { ensureInstallation, loadReport, saveReport } from '../src/store/repositories';
import { collectorTransport } from '../src/transport/report-transport';
import { kvsSnapshot } from './resolvers-support';
import { createWorld, DAY, type World } from './engine-support';
import { storageKey } from '../src/store/kvs-store';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(async () => {
  await w.close();
});

async function sendOne(): Promise<string> {
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  expect(sent.outcome).toBe('sent');
  return draft.text;
}

const installationId = () => w.platform.runAsInvocation({ functionKey: 'scheduled' }, async () => (await ensureInstallation(new Date())).installationId);

describe('withdraw', () => {
  test('stops at once, cancels what was queued, and a later scheduled run sends nothing', async () => {
    await w.must('setConsent', { mode: 'automatic', cadence: 'weekly' });
    w.platform.faults.failEgress({ status: 503 });
    await w.scheduled();
    expect((await w.must('getHistory')).entries).toEqual([expect.objectContaining({ trigger: 'automatic', status: 'pending' })]);

    const out = await w.must('withdraw', { alsoRequestVendorDeletion: false });
    expect(out).toMatchObject({ consent: { mode: 'off' }, cancelledReports: 1, vendorDeletion: null });
    expect((await w.must('getHistory')).entries[0]).toMatchObject({ status: 'cancelled', lastError: expect.stringContaining('withdrawn') });

    w.advance(30 * DAY);
    await w.scheduled();
    expect(await w.received()).toEqual([]);
  });

  test('with vendor deletion: the collector deletes the raw reports and the acknowledgement is stored and shown', async () => {
    await sendOne();
    expect(await w.received()).toHaveLength(1);

    const out = await w.must('withdraw', { alsoRequestVendorDeletion: true });
    expect(out.vendorDeletion).toMatchObject({
      status: 'acknowledged',
      attempts: 1,
      lastError: null,
      acknowledgement: { acknowledgementId: expect.any(String), deletedReports: 1 }
    });
    expect(await w.received()).toEqual([]);
    expect(await w.store.deletionsOf(await installationId())).toEqual([expect.objectContaining({ acknowledgementId: out.vendorDeletion?.acknowledgement?.acknowledgementId })]);

    const page = await w.must('loadAdminPage');
    expect(page.vendorDeletion).toEqual(out.vendorDeletion);
    // Same instant, one transaction: the withdrawal reads first, then the request it made.
    expect((await w.must('getLedger')).entries.map((e) => e.action).slice(-2)).toEqual(['withdraw', 'request-vendor-deletion']);
  });

  test('a deletion the collector cannot take yet stays pending and the daily job retries it with backoff until acknowledged', async () => {
    await sendOne();
    w.platform.faults.failEgress({ status: 503, times: 2 });
    const out = await w.must('withdraw', { alsoRequestVendorDeletion: true });
    expect(out.vendorDeletion).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('503'), acknowledgement: null });

    // The backoff has not elapsed: the run leaves it alone (the armed 503 is still unused).
    await w.scheduled();
    expect((await w.must('loadAdminPage')).vendorDeletion).toMatchObject({ status: 'pending', attempts: 1 });

    w.advance(DAY);
    await w.scheduled();
    expect((await w.must('loadAdminPage')).vendorDeletion).toMatchObject({ status: 'pending', attempts: 2 });

    w.advance(DAY);
    await w.scheduled();
    expect((await w.must('loadAdminPage')).vendorDeletion).toMatchObject({ status: 'acknowledged', attempts: 3, acknowledgement: { deletedReports: 1 } });
    expect(await w.received()).toEqual([]);
  });

  test('a deletion that keeps failing stops after a bounded number of tries and says so; asking again starts afresh and can succeed', async () => {
    await sendOne();
    w.platform.faults.failEgress({ status: 503, times: 1000 });
    await w.must('withdraw', { alsoRequestVendorDeletion: true });
    for (let day = 1; day < maxVendorDeletionAttempts + 3; day++) {
      w.advance(DAY);
      await w.scheduled();
    }
    const failed = (await w.must('loadAdminPage')).vendorDeletion;
    expect(failed).toMatchObject({ status: 'failed', attempts: maxVendorDeletionAttempts, lastError: expect.stringContaining('503') });
    // Stopped: further daily runs make no more attempts.
    w.advance(DAY);
    await w.scheduled();
    expect((await w.must('loadAdminPage')).vendorDeletion).toMatchObject({ status: 'failed', attempts: maxVendorDeletionAttempts });

    w.platform.faults.clear();
    const again = await w.must('requestVendorDeletion');
    expect(again.vendorDeletion).toMatchObject({ status: 'acknowledged', attempts: 1, acknowledgement: { deletedReports: 1 } });
    expect(await w.received()).toEqual([]);
  });
});

describe('a report that reached the collector after the deletion it should have been part of', () => {
  test('(a delivery in flight during withdrawal) makes the daily job ask for deletion again', async () => {
    // A report queued before the deletion request, held up by the network.
    await w.must('setConsent', { mode: 'per-case' });
    const draft = await w.must('preview');
    w.platform.faults.failEgress({ status: 503 });
    expect((await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest })).outcome).toBe('queued');
    w.advance(60_000);
    const deletion = (await w.must('requestVendorDeletion')).vendorDeletion;
    expect(deletion).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 0 } });

    // Its delivery had passed the consent check before; it lands after the acknowledgement.
    w.advance(60_000);
    await w.platform.runAsInvocation({ functionKey: 'scheduled' }, async () => {
      const record = await loadReport(draft.reportId);
      if (!record) throw new Error('the queued report is missing');
      const outcome = await collectorTransport().send(record.text, record.reportId);
      if (outcome.kind !== 'sent') throw new Error(`the late delivery failed: ${outcome.kind}`);
      await saveReport({ ...record, status: 'sent', sentAt: new Date().toISOString(), receipt: outcome.receipt });
      await kvs.delete(storageKey(keys.outbox(record.reportId)));
    });
    expect(await w.received()).toHaveLength(1);

    w.advance(DAY);
    await w.scheduled();
    const after = (await w.must('loadAdminPage')).vendorDeletion;
    expect(after).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 1 } });
    expect(await w.received()).toEqual([]);
    // Settled: the next run does not ask again.
    w.advance(DAY);
    await w.scheduled();
    expect((await w.must('loadAdminPage')).vendorDeletion).toEqual(after);
  });
});

describe('vendor data rights', () => {
  test('requestVendorExport returns everything the collector holds as one JSON document, including the exact bytes sent', async () => {
    const text = await sendOne();
    const doc = await w.must('requestVendorExport');
    expect(doc.fileName).toMatch(/^usage-reporting-vendor-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = installationExportSchema.parse(JSON.parse(doc.json));
    expect(exported.installationId).toBe(await installationId());
    expect(exported.reports.map((r) => r.bytes)).toEqual([text]);
    expect((await w.must('getLedger')).entries.map((e) => e.action)).toContain('request-vendor-export');
  });

  test('no key is established first: the first signed request proves the installation, the private key stays in secret storage and only public keys reach the collector', async () => {
    expect(await w.store.keyChainHeadOf(await installationId())).toBeNull();
    const doc = await w.must('requestVendorExport');
    const key = await w.platform.runAsInvocation({ functionKey: 'scheduled' }, () => kvs.getSecret<{ publicKey: string; privateKey: string }>(storageKey(secretKeys.signingKey)));
    expect(key?.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(installationIdOf(String(key?.publicKey))).toBe(await installationId());
    const everythingAtTheCollector = JSON.stringify({ doc, chain: await w.store.keyChainOf(await installationId()) });
    expect(everythingAtTheCollector).not.toContain(String(key?.privateKey));
    const plain = JSON.parse(await kvsSnapshot(w.platform)) as { entries: unknown[] };
    expect(JSON.stringify(plain.entries)).not.toContain(String(key?.privateKey));
  });

  test('requestVendorExport while the collector is down is a TRANSPORT error, and nothing is recorded', async () => {
    w.platform.faults.failEgress({ status: 502 });
    const result = await w.call('requestVendorExport');
    expect(result).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    expect((await w.must('getLedger')).entries).toEqual([]);
  });

  test('requestVendorDeletion without withdrawing: acknowledged, and sharing stays as it was', async () => {
    await sendOne();
    const out = await w.must('requestVendorDeletion');
    expect(out.vendorDeletion).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 1 } });
    expect((await w.must('loadAdminPage')).consent.mode).toBe('per-case');
  });

  test('restrictVendorProcessing is pending until the collector confirms, retried daily, and the collector honours it', async () => {
    w.platform.faults.failEgress({ status: 500 });
    const first = await w.must('restrictVendorProcessing', { restrictedPurposes: ['troubleshooting'] });
    expect(first.vendorRestriction).toMatchObject({ restrictedPurposes: ['troubleshooting'], status: 'pending', acknowledgedAt: null, lastError: expect.stringContaining('500') });

    w.advance(DAY);
    await w.scheduled();
    const page = await w.must('loadAdminPage');
    expect(page.vendorRestriction).toMatchObject({ restrictedPurposes: ['troubleshooting'], status: 'acknowledged', lastError: null });
    expect(await w.store.getRestrictions(await installationId())).toMatchObject({ purposes: ['troubleshooting'] });

    const lifted = await w.must('restrictVendorProcessing', { restrictedPurposes: [] });
    expect(lifted.vendorRestriction).toMatchObject({ restrictedPurposes: [], status: 'acknowledged' });
    expect((await w.must('getLedger')).entries.filter((e) => e.action === 'restrict-vendor-processing').map((e) => e.changes)).toEqual(
      expect.arrayContaining([[{ path: 'vendor.restrictedPurposes', from: ['troubleshooting'], to: [] }]])
    );
  });
});
