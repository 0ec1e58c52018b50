import {
  correctionReceiptSchema,
  deletionAcknowledgementSchema,
  installationExportSchema,
  restrictionsSchema,
  retractionAcknowledgementSchema,
  type SignedCollectorAnswer
} from '@usage-reporting/core/collector-api';
import { keyFingerprint, sha256Hex, verifyCollectorAnswer, type ExpectedAnswer } from '@usage-reporting/core/node';
import { handOverCollector, type HandOverCollector } from './hand-over-files';
import { bytesOf, makeInstallation, makeReport, rights, sendCorrection, sendReport, testCollector, type Installation } from './support';

/** Direct mode: every answer that proves something carries the same facts signed by the collector's key. */
describe('the direct answers carry a signed answer', () => {
  let c: HandOverCollector;
  let alice: Installation;
  beforeEach(() => {
    c = handOverCollector();
    alice = makeInstallation();
  });
  afterEach(async () => {
    await c.close();
  });

  const verified = (signedAnswer: SignedCollectorAnswer | undefined, expected: ExpectedAnswer) => {
    const checked = verifyCollectorAnswer(signedAnswer, c.collectorKey.publicKey, { installationId: alice.installationId, ...expected });
    if (!checked.ok) throw new Error(`${checked.reason}: ${checked.message}`);
    return checked.payload;
  };

  it('a receipt: the report, the digest of its bytes, the installation, when, and the collector key', async () => {
    const report = makeReport({ installationId: alice.installationId });
    const { receipt } = await sendReport(c, report, alice);
    expect(verified(receipt.signedAnswer, { kind: 'report-receipt', reportId: report.reportId, digest: sha256Hex(bytesOf(report)) })).toEqual({
      kind: 'report-receipt',
      receiptId: receipt.receiptId,
      reportId: report.reportId,
      installationId: alice.installationId,
      digest: receipt.digest,
      receivedAt: receipt.receivedAt,
      supersedes: null,
      collectorKeyFingerprint: keyFingerprint(c.collectorKey.publicKey)
    });
  });

  it('a duplicate answers with the very signed answer of the first receipt', async () => {
    const report = makeReport({ installationId: alice.installationId });
    const first = await sendReport(c, report, alice);
    c.clock.advanceMs(60_000);
    const again = await sendReport(c, report, alice);
    expect(again.receipt.duplicate).toBe(true);
    expect(again.receipt.signedAnswer).toEqual(first.receipt.signedAnswer);
  });

  it('a correction receipt names the report it replaced', async () => {
    const original = makeReport({ installationId: alice.installationId });
    await sendReport(c, original, alice);
    const correction = makeReport({ installationId: alice.installationId, fields: { ...original.fields, 'app.licence': 'inactive' } });
    const { res } = await sendCorrection(c, alice, correction, original.reportId);
    const receipt = correctionReceiptSchema.parse(res.json());
    expect(verified(receipt.signedAnswer, { reportId: correction.reportId })).toMatchObject({ supersedes: original.reportId, digest: receipt.digest });
  });

  it('the deletion, restriction and retraction acknowledgements, and the export', async () => {
    const report = makeReport({ installationId: alice.installationId });
    await sendReport(c, report, alice);

    const retraction = retractionAcknowledgementSchema.parse((await rights(c, alice, { kind: 'retract', reportId: report.reportId })).res.json());
    expect(verified(retraction.signedAnswer, { kind: 'retraction-acknowledgement', reportId: report.reportId })).toMatchObject({ acknowledgementId: retraction.acknowledgementId, deletedReports: 1 });

    const restriction = restrictionsSchema.parse((await rights(c, alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] })).res.json());
    expect(verified(restriction.signedAnswer, { kind: 'restriction-acknowledgement' })).toMatchObject({ restrictedPurposes: ['troubleshooting'], updatedAt: restriction.updatedAt });

    const deletion = deletionAcknowledgementSchema.parse((await rights(c, alice, { kind: 'delete' })).res.json());
    expect(verified(deletion.signedAnswer, { kind: 'deletion-acknowledgement' })).toMatchObject({ acknowledgementId: deletion.acknowledgementId, retained: deletion.retained });

    const exported = installationExportSchema.parse((await rights(c, alice, { kind: 'export' })).res.json());
    const { signedAnswer, ...document } = exported;
    expect(verified(signedAnswer, { kind: 'installation-export' })).toMatchObject({ exportedAt: exported.exportedAt, export: document });
  });
});

describe('a collector given no signing key', () => {
  it('signs with a key of its own, whose public half its context names', async () => {
    const c = testCollector();
    try {
      const who = makeInstallation();
      const { receipt } = await sendReport(c, makeReport({ installationId: who.installationId }), who);
      expect(verifyCollectorAnswer(receipt.signedAnswer, c.context.answerSigner.publicKey).ok).toBe(true);
    } finally {
      await c.close();
    }
  });
});
