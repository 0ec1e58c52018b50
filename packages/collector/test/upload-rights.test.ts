import { installationExportSchema } from '@usage-reporting/core/collector-api';
import { generateInstallationKeyPair, verifyCollectorAnswer, type ExpectedAnswer } from '@usage-reporting/core/node';
import { answerOf, correctionFile, errorOf, handOverCollector, reportFile, rightsFile, upload, type HandOverCollector } from './hand-over-files';
import { bytesOf, makeInstallation, makeReport, rotated, type Installation } from './support';

/**
 * Rights requests handed over as files (export, delete, restrict, retract, correct): each acts as the
 * signed request would, and comes back as an answer signed by the collector.
 */
describe('rights request files', () => {
  let c: HandOverCollector;
  let alice: Installation;
  beforeEach(() => {
    c = handOverCollector();
    alice = makeInstallation();
  });
  afterEach(async () => {
    await c.close();
  });

  const verified = (answerText: string, kind: ExpectedAnswer['kind']) => {
    const checked = verifyCollectorAnswer(answerText, c.collectorKey.publicKey, { kind, installationId: alice.installationId });
    if (!checked.ok) throw new Error(`${checked.reason}: ${checked.message}`);
    return checked.payload;
  };
  const sendReportFile = async (report = makeReport({ installationId: alice.installationId })) => {
    answerOf(await upload(c, await reportFile(alice, report, c.clock.now())));
    return report;
  };

  it('an export file answers with everything held, as a document signed by the collector', async () => {
    const report = await sendReportFile();
    c.clock.advanceMs(1000);
    const answer = answerOf(await upload(c, await rightsFile(alice, { kind: 'export' }, c.clock.now())));
    const payload = verified(answer.answerText, 'installation-export');

    expect(answer.fileName).toBe('usage-report-export-20261129T050001Z.json');
    const document = payload.kind === 'installation-export' ? installationExportSchema.parse(payload.export) : null;
    expect(document?.reports.map((r) => r.bytes)).toEqual([bytesOf(report)]);
    expect(document?.exportedAt).toBe('2026-11-29T05:00:01.000Z');
  });

  it('a deletion file erases the raw reports and answers with a signed acknowledgement; the same file again does not act twice', async () => {
    await sendReportFile();
    await sendReportFile();
    const file = await rightsFile(alice, { kind: 'delete' }, c.clock.now());
    const answer = answerOf(await upload(c, file));
    const payload = verified(answer.answerText, 'deletion-acknowledgement');

    expect(payload).toMatchObject({ deletedReports: 2, acknowledgedAt: '2026-11-29T05:00:00.000Z' });
    expect(answer.fileName).toBe(`usage-report-deletion-${payload.kind === 'deletion-acknowledgement' ? payload.acknowledgementId : ''}.json`);
    expect(await c.store.reportsOf(alice.installationId)).toEqual([]);

    // A report sent since must not be erased by the old file handed over again.
    await sendReportFile();
    const again = await upload(c, file);
    expect(again.statusCode).toBe(401);
    expect(errorOf(again)).toEqual({ code: 'SIGNATURE_REPLAYED', message: expect.stringContaining('a request file acts once') });
    expect(await c.store.reportsOf(alice.installationId)).toHaveLength(1);
  });

  it('a restriction file records the complete set and answers with a signed acknowledgement', async () => {
    const answer = answerOf(await upload(c, await rightsFile(alice, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] }, c.clock.now())));
    const payload = verified(answer.answerText, 'restriction-acknowledgement');

    expect(payload).toMatchObject({ restrictedPurposes: ['troubleshooting'], updatedAt: '2026-11-29T05:00:00.000Z' });
    expect((await c.store.getRestrictions(alice.installationId))?.purposes).toEqual(['troubleshooting']);
    expect(answer.fileName).toBe('usage-report-restriction-20261129T050000Z.json');
  });

  it('a retraction file deletes the report, and the same file again answers the same acknowledgement', async () => {
    const report = await sendReportFile();
    const file = await rightsFile(alice, { kind: 'retract', reportId: report.reportId }, c.clock.now());
    const first = answerOf(await upload(c, file));
    expect(verified(first.answerText, 'retraction-acknowledgement')).toMatchObject({ reportId: report.reportId, deletedReports: 1 });
    c.clock.advanceDays(1);
    const again = answerOf(await upload(c, file));

    expect(again.answerText).toBe(first.answerText);
    expect(again.outcome).toBe('already-held');
    expect(await c.store.reportsOf(alice.installationId)).toEqual([]);
  });

  it('a correction file replaces the report and answers with a receipt naming what it replaced', async () => {
    const original = await sendReportFile();
    const correction = makeReport({ installationId: alice.installationId, fields: { ...original.fields, 'app.licence': 'inactive' } });
    const file = await correctionFile(alice, correction, original.reportId, c.clock.now());
    const first = answerOf(await upload(c, file));

    expect(first.kind).toBe('correction');
    expect(verified(first.answerText, 'report-receipt')).toMatchObject({ reportId: correction.reportId, supersedes: original.reportId });
    expect((await c.store.reportOf(alice.installationId, original.reportId))?.supersededBy).toBe(correction.reportId);
    const again = answerOf(await upload(c, file));
    expect(again.answerText).toBe(first.answerText);
  });

  it("a rights file names only the signer's own installation: another's path is refused", async () => {
    const mallory = makeInstallation();
    const file = await rightsFile(mallory, { kind: 'delete' }, c.clock.now());
    const retargeted = file.split(mallory.installationId).join(alice.installationId);
    const res = await upload(c, retargeted);
    expect(res.statusCode).toBe(401);
  });

  it("a rotated installation's rights file carries its key chain through", async () => {
    const now = rotated(alice, c.clock.now());
    alice = now;
    const answer = answerOf(await upload(c, await rightsFile(now, { kind: 'restrict', restrictedPurposes: [] }, c.clock.now(), { withKeyChain: true })));
    expect(verified(answer.answerText, 'restriction-acknowledgement')).toMatchObject({ restrictedPurposes: [] });
    expect(verifyCollectorAnswer(answer.answerText, generateInstallationKeyPair().publicKey).ok).toBe(false);
  });
});
