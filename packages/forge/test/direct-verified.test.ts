import { generateInstallationKeyPair } from '@usage-reporting/core/node';
import { createWorld, type World } from './engine-support';

/**
 * Direct delivery: what the app shows as the collector's receipt is proof, not a claim. The signed
 * answer in each collector response is verified against the configured collector key and kept in
 * history; one that does not verify leaves the report queued and the admin told why.
 */
let w: World;
afterEach(async () => {
  await w.close();
});

test('a sent report carries the collector’s signed receipt, verified with the configured key', async () => {
  w = await createWorld();
  await w.consent.set('per-case');
  const draft = await w.must('preview');
  const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  expect(sent).toMatchObject({ outcome: 'sent', entry: { delivery: { mode: 'direct', answer: { collectorKeyFingerprint: w.collector.context.answerSigner.fingerprint } } } });
  expect(JSON.parse(sent.entry.delivery?.answer?.answer.payload ?? '{}')).toMatchObject({ kind: 'report-receipt', reportId: draft.reportId, digest: draft.digest });
  const page = await w.must('loadAdminPage');
  expect(page.delivery).toMatchObject({ mode: 'direct', collectorKey: { ok: true, fingerprint: w.collector.context.answerSigner.fingerprint } });
});

test('configured with another collector key, nothing verifies: the report is not recorded as sent, and the admin is told why', async () => {
  w = await createWorld({ variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: generateInstallationKeyPair().publicKey } });
  await w.consent.set('per-case');
  const draft = await w.must('preview');
  const sent = await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
  expect(sent).toMatchObject({ outcome: 'queued', receipt: null, entry: { status: 'pending' } });
  expect(sent.notice).toEqual({
    code: 'send.receiptUnverified',
    params: { detail: expect.stringMatching(/^the collector's receipt could not be verified: The answer is signed by collector key .* not the configured/) }
  });

  const deletion = await w.must('requestVendorDeletion');
  expect(deletion.vendorDeletion).toMatchObject({ status: 'pending', lastError: expect.stringContaining("the collector's answer could not be verified") });
  expect(await w.call('requestVendorExport')).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
});

test('with no collector key set, the page says what to set', async () => {
  w = await createWorld({ variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: '' } });
  const page = await w.must('loadAdminPage');
  expect(page.delivery.collectorKey).toEqual({
    ok: false,
    problem: 'no collector public key is configured: set it with `forge variables set USAGE_REPORTING_COLLECTOR_PUBLIC_KEY <key>`'
  });
});
