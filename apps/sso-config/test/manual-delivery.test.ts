import { randomUUID } from 'node:crypto';
import { handOverReportText, parseHandOver, serializeCollectorAnswer } from '@usage-reporting/core/collector-api';
import { collectorAnswerSigner, generateInstallationKeyPair } from '@usage-reporting/core/node';
import { samlProvider } from './support/fixtures';
import { buildSsoBundleIfStale, BUILD_TIMEOUT_MS } from './support/fresh-bundle';
import { createSsoWorld, DAY, type SsoWorld } from './support/world';

/**
 * SSO Config delivers by hand (manual delivery): its manifest declares no egress, so it stays
 * eligible for Runs on Atlassian. The admin downloads signed files, carries them to the vendor's
 * collector, and pastes back its signed answers, which the app verifies against the collector key the
 * vendor configured. The world fails the suite on any egress attempt (forge-sim's zero-egress rule).
 */
let w: SsoWorld;
beforeAll(buildSsoBundleIfStale, BUILD_TIMEOUT_MS);
beforeEach(async () => {
  w = await createSsoWorld();
  await w.platform.runLifecycleInstalled();
  await w.ssoMust('addProvider', { settings: samlProvider });
  await w.toolkitMust('setConsent', { mode: 'per-case' });
  w.advance(DAY);
});
afterEach(async () => {
  await w.close();
});

const noEgress = () => {
  expect(w.platform.egressViolations).toEqual([]);
  expect(w.platform.counters.total('egress')).toBe(0);
};

test('the page says the mode, and that receipts can be verified with the configured collector key', async () => {
  const page = await w.toolkitMust('loadAdminPage');
  expect(page.delivery).toEqual({
    mode: 'manual',
    collectorKey: { ok: true, fingerprint: w.collector.context.answerSigner.fingerprint },
    rightsRequests: [],
    vendorExport: null
  });
  const sent = await w.toolkit('sendReport', { draftId: page.preview.draftId, digest: page.preview.digest });
  expect(sent).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  noEgress();
});

test('preview → hand over → upload → receipt pasted back: the collector holds exactly the previewed bytes, and the app made no egress', async () => {
  const draft = await w.toolkitMust('preview');
  const handed = await w.toolkitMust('handOverReport', { draftId: draft.draftId, digest: draft.digest });
  const file = parseHandOver(handed.text);
  expect(file.ok && handOverReportText(file.handOver)).toBe(draft.text);
  expect(handed.fileName).toBe(`usage-report-${draft.reportId}.json`);
  expect(handed.entry).toMatchObject({ reportId: draft.reportId, status: 'pending', digest: draft.digest, delivery: { mode: 'manual', acknowledgedAt: null } });
  expect(handed.entry.delivery?.handedOverAt).not.toBeNull();

  // Downloading again gives the very same bytes (same signature), however often.
  const again = await w.toolkitMust('downloadHandOver', { reportId: draft.reportId });
  expect(again.text).toBe(handed.text);

  const uploaded = await w.handOver(handed.text);
  expect(uploaded.status).toBe(201);
  const accepted = await w.toolkitMust('acceptCollectorAnswer', { text: uploaded.answerText ?? '' });
  expect(accepted).toMatchObject({
    kind: 'report-receipt',
    collectorKeyFingerprint: w.collector.context.answerSigner.fingerprint,
    entry: { reportId: draft.reportId, status: 'sent', receipt: { digest: draft.digest }, delivery: { mode: 'manual', answer: { collectorKeyFingerprint: w.collector.context.answerSigner.fingerprint } } }
  });
  const installationId: string = JSON.parse(draft.text).installationId;
  expect((await w.received(installationId)).map((r) => r.bytes)).toEqual([draft.text]);
  // Pasting the same receipt twice records it once.
  expect((await w.toolkitMust('acceptCollectorAnswer', { text: uploaded.answerText ?? '' })).entry?.receipt).toEqual(accepted.entry?.receipt);
  expect((await w.toolkitMust('getHistory')).entries).toHaveLength(1);
  noEgress();
});

describe('an answer that is not proof is refused, and nothing is recorded', () => {
  async function handedOver() {
    const draft = await w.toolkitMust('preview');
    const handed = await w.toolkitMust('handOverReport', { draftId: draft.draftId, digest: draft.digest });
    const uploaded = await w.handOver(handed.text);
    return { draft, answerText: uploaded.answerText ?? '' };
  }
  const refusedWith = async (text: string, message: RegExp) => {
    const result = await w.toolkit('acceptCollectorAnswer', { text });
    expect(result).toMatchObject({ ok: false, error: { code: 'ANSWER_NOT_VERIFIED', message: expect.stringMatching(message) } });
  };

  test('a receipt changed after signing', async () => {
    const { draft, answerText } = await handedOver();
    const answer = JSON.parse(answerText);
    const forged = { ...answer, payload: answer.payload.replace(/"receivedAt":"[^"]+"/, '"receivedAt":"2026-01-01T00:00:00.000Z"') };
    await refusedWith(JSON.stringify(forged), /signature does not verify/);
    expect((await w.toolkitMust('getHistory')).entries[0]).toMatchObject({ reportId: draft.reportId, status: 'pending' });
    noEgress();
  });

  test('a receipt signed by another collector key', async () => {
    const { draft } = await handedOver();
    const other = collectorAnswerSigner(generateInstallationKeyPair());
    const installationId: string = JSON.parse(draft.text).installationId;
    const signed = await other.sign({ kind: 'report-receipt', receiptId: randomUUID(), reportId: draft.reportId, installationId, digest: draft.digest, receivedAt: new Date().toISOString(), supersedes: null });
    await refusedWith(serializeCollectorAnswer(signed), /signed by collector key .* not the configured/);
  });

  test("a genuine receipt for another installation's report", async () => {
    const { draft } = await handedOver();
    const signer = w.collector.context.answerSigner;
    const signed = await signer.sign({ kind: 'report-receipt', receiptId: randomUUID(), reportId: draft.reportId, installationId: randomUUID(), digest: draft.digest, receivedAt: new Date().toISOString(), supersedes: null });
    await refusedWith(serializeCollectorAnswer(signed), /another installation/);
  });

  test('a genuine receipt for a report this site never handed over, or for other bytes', async () => {
    const { draft } = await handedOver();
    const signer = w.collector.context.answerSigner;
    const installationId: string = JSON.parse(draft.text).installationId;
    const receipt = { kind: 'report-receipt' as const, receiptId: randomUUID(), installationId, receivedAt: new Date().toISOString(), supersedes: null };
    await refusedWith(serializeCollectorAnswer(await signer.sign({ ...receipt, reportId: randomUUID(), digest: draft.digest })), /did not hand over/);
    await refusedWith(serializeCollectorAnswer(await signer.sign({ ...receipt, reportId: draft.reportId, digest: 'b'.repeat(64) })), /other bytes/);
  });

  test('text that is not an answer at all', async () => {
    await refusedWith('not json', /not JSON/);
  });
});

test('automatic sharing prepares the report on schedule and says it is ready to hand over; nothing is sent, nothing claims it was', async () => {
  await w.toolkitMust('setConsent', { mode: 'automatic', cadence: 'weekly' });
  const run = await w.scheduled();
  expect(run).toMatchObject({ ok: true, run: { automatic: { kind: 'ready-to-hand-over', status: 'pending' } } });
  const [ready] = (await w.toolkitMust('getHistory')).entries;
  expect(ready).toMatchObject({ trigger: 'automatic', status: 'pending', sentAt: null, receipt: null, delivery: { mode: 'manual', handedOverAt: null } });
  expect(w.requests).toEqual([]);

  const file = await w.toolkitMust('downloadHandOver', { reportId: ready?.reportId ?? '' });
  expect(file.entry.delivery?.handedOverAt).not.toBeNull();
  const accepted = await w.toolkitMust('acceptCollectorAnswer', { text: (await w.handOver(file.text)).answerText ?? '' });
  expect(accepted.entry).toMatchObject({ reportId: ready?.reportId, status: 'sent' });
  noEgress();
});

test('a withdrawal cancels a prepared report nobody handed over yet', async () => {
  await w.toolkitMust('setConsent', { mode: 'automatic', cadence: 'weekly' });
  await w.scheduled();
  const withdrawn = await w.toolkitMust('withdraw', { alsoRequestVendorDeletion: false });
  expect(withdrawn.cancelledReports).toBe(1);
  const [cancelled] = (await w.toolkitMust('getHistory')).entries;
  expect(cancelled?.status).toBe('cancelled');
  expect(await w.toolkit('downloadHandOver', { reportId: cancelled?.reportId ?? '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  noEgress();
});

describe('rights requests travel as signed files too', () => {
  test('deletion: requested, handed over, acknowledged; the collector holds nothing afterwards', async () => {
    const draft = await w.toolkitMust('preview');
    await w.deliverByHand(draft);
    const installationId: string = JSON.parse(draft.text).installationId;
    expect(await w.received(installationId)).toHaveLength(1);

    const request = await w.toolkitMust('prepareRightsRequest', { kind: 'delete' });
    expect(request.fileName).toMatch(/^usage-report-delete-request-\d{8}T\d{6}Z\.json$/);
    expect(request.vendorDeletion).toMatchObject({ status: 'pending' });
    const answered = await w.handOver(request.text);
    const accepted = await w.toolkitMust('acceptCollectorAnswer', { text: answered.answerText ?? '' });
    expect(accepted).toMatchObject({ kind: 'deletion-acknowledgement', notice: { code: 'answer.deletionAcknowledged', params: { deletedReports: 1 } } });
    expect(await w.received(installationId)).toEqual([]);
    const page = await w.toolkitMust('loadAdminPage');
    expect(page.vendorDeletion).toMatchObject({ status: 'acknowledged', acknowledgement: { deletedReports: 1 } });
    expect(page.delivery.rightsRequests).toEqual([
      expect.objectContaining({ kind: 'delete', fileName: request.fileName, collectorKeyFingerprint: w.collector.context.answerSigner.fingerprint })
    ]);

    // The old acknowledgement does not settle a newer request.
    w.advance(DAY);
    await w.toolkitMust('prepareRightsRequest', { kind: 'delete' });
    expect(await w.toolkit('acceptCollectorAnswer', { text: answered.answerText ?? '' })).toMatchObject({
      ok: false,
      error: { code: 'ANSWER_NOT_VERIFIED', notice: { code: 'answer.refused.earlierDeletion', params: {} } }
    });
    noEgress();
  });

  test('restriction and export: acknowledged and kept for the admin', async () => {
    await w.deliverByHand(await w.toolkitMust('preview'));
    const restricted = await w.rightsByHand({ kind: 'restrict', restrictedPurposes: ['product-improvement'] });
    expect(restricted.kind).toBe('restriction-acknowledgement');
    expect((await w.toolkitMust('loadAdminPage')).vendorRestriction).toMatchObject({ status: 'acknowledged', restrictedPurposes: ['product-improvement'] });

    const exported = await w.rightsByHand({ kind: 'export' });
    expect(exported.kind).toBe('installation-export');
    const document = JSON.parse(exported.document?.json ?? '{}');
    expect(document.reports).toHaveLength(1);
    expect(document.restrictions.restrictedPurposes).toEqual(['product-improvement']);
    expect(await w.toolkitMust('getVendorExport')).toEqual(exported.document);
    noEgress();
  });
});

test('a key rotated without egress: the next file carries the key chain, and the collector takes it', async () => {
  await w.deliverByHand(await w.toolkitMust('preview'));
  w.advance(91 * DAY);
  expect(await w.scheduled()).toMatchObject({ ok: true, run: { rights: { keyRotation: { ok: true, value: 'rotated' } } } });
  const draft = await w.toolkitMust('preview');
  const handed = await w.toolkitMust('handOverReport', { draftId: draft.draftId, digest: draft.digest });
  const file = parseHandOver(handed.text);
  expect(file.ok && file.handOver.keyChain).not.toBeNull();
  const uploaded = await w.handOver(handed.text);
  expect(uploaded.status).toBe(201);
  expect((await w.toolkitMust('acceptCollectorAnswer', { text: uploaded.answerText ?? '' })).entry).toMatchObject({ reportId: draft.reportId, status: 'sent' });
  noEgress();
});
