import { collectorAnswerFileName, serializeCollectorAnswer } from '@usage-reporting/core/collector-api';
import { generateInstallationKeyPair, sha256Hex, signCollectorRequest, verifyCollectorAnswer } from '@usage-reporting/core/node';
import { answerOf, errorOf, handOverCollector, reportFile, upload, type HandOverCollector } from './hand-over-files';
import { bytesOf, freshNonce, makeInstallation, makeReport, rotated, sendReport } from './support';

/**
 * POST /upload with a report's hand-over file: the collector takes it exactly as it takes the same
 * report sent directly, and answers with a receipt signed by its own key.
 */
describe('uploading a report file', () => {
  let c: HandOverCollector;
  beforeEach(() => {
    c = handOverCollector();
  });
  afterEach(async () => {
    await c.close();
  });

  it('stores the exact bytes a direct send stores, and answers 201 with a receipt signed by the collector', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    const res = await upload(c, await reportFile(who, report, c.clock.now()));

    expect(res.statusCode).toBe(201);
    const answer = answerOf(res);
    const [stored] = await c.store.reportsOf(who.installationId);
    expect(stored?.bytes).toBe(bytesOf(report));
    expect(stored?.digest).toBe(sha256Hex(bytesOf(report)));
    expect(answer).toMatchObject({ kind: 'report', outcome: 'accepted', fileName: `usage-report-receipt-${stored?.receiptId}.json` });
    expect(answer.answerText).toBe(serializeCollectorAnswer(answer.answer));

    const checked = verifyCollectorAnswer(answer.answerText, c.collectorKey.publicKey, { kind: 'report-receipt', installationId: who.installationId, reportId: report.reportId, digest: sha256Hex(bytesOf(report)) });
    expect(checked).toMatchObject({ ok: true, payload: { receiptId: stored?.receiptId, receivedAt: '2026-11-29T05:00:00.000Z', supersedes: null } });
  });

  it('stores what the same report sent directly stores, byte for byte', async () => {
    const direct = handOverCollector();
    try {
      const who = makeInstallation();
      const report = makeReport({ installationId: who.installationId });
      expect((await sendReport(direct, report, who)).status).toBe(201);
      expect((await upload(c, await reportFile(who, report, c.clock.now()))).statusCode).toBe(201);

      const strip = ({ receiptId: _r, ...rest }: { receiptId: string }) => rest;
      expect((await c.store.reportsOf(who.installationId)).map(strip)).toEqual((await direct.store.reportsOf(who.installationId)).map(strip));
    } finally {
      await direct.close();
    }
  });

  it('answers the receipt only the collector key verifies: another key, or one changed byte, fails', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    const { answerText } = answerOf(await upload(c, await reportFile(who, report, c.clock.now())));

    expect(verifyCollectorAnswer(answerText, c.collectorKey.publicKey).ok).toBe(true);
    expect(verifyCollectorAnswer(answerText, generateInstallationKeyPair().publicKey)).toMatchObject({ ok: false, reason: 'wrong-key' });
    // The digest's last hex digit, inside the escaped payload: a receipt for other bytes.
    const at = answerText.indexOf('\\"digest\\":\\"') + '\\"digest\\":\\"'.length + 63;
    const changed = answerText.slice(0, at) + (answerText[at] === '0' ? '1' : '0') + answerText.slice(at + 1);
    expect(changed).not.toBe(answerText);
    expect(verifyCollectorAnswer(changed, c.collectorKey.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('takes the same file twice as one report, answering the second time with the same receipt, byte for byte', async () => {
    const who = makeInstallation();
    const file = await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now());
    const first = answerOf(await upload(c, file));
    c.clock.advanceDays(2);
    const second = await upload(c, file);

    expect(second.statusCode).toBe(200);
    expect(answerOf(second)).toEqual({ ...first, outcome: 'already-held' });
    expect(await c.store.countReports()).toBe(1);
  });

  it('answers a file for a report the app already sent directly with the receipt the direct send got', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    const direct = await sendReport(c, report, who);
    c.clock.advanceMs(60_000);
    const uploaded = answerOf(await upload(c, await reportFile(who, report, c.clock.now())));

    expect(uploaded.outcome).toBe('already-held');
    expect(uploaded.answer).toEqual(direct.receipt.signedAnswer);
    expect(await c.store.countReports()).toBe(1);
  });

  it('refuses a file whose report was changed after the app signed it, and stores nothing', async () => {
    const who = makeInstallation();
    const file = await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now());
    const tampered = file.replace('\\"app.licence\\":\\"active\\"', '\\"app.licence\\":\\"inactive\\"');
    expect(tampered).not.toBe(file);
    const res = await upload(c, tampered);

    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining("The file's signature does not verify") });
    expect(await c.store.countReports()).toBe(0);
  });

  it("refuses a file of another installation's report, though genuinely signed", async () => {
    const who = makeInstallation();
    const report = makeReport();
    const res = await upload(c, await reportFile(who, report, c.clock.now()));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });

  it('takes a file weeks after the app made it, and refuses one past the hand-over window with a way out', async () => {
    const who = makeInstallation();
    const madeAt = c.clock.now();
    const recent = await reportFile(who, makeReport({ installationId: who.installationId }), madeAt);
    const old = await reportFile(who, makeReport({ installationId: who.installationId }), madeAt);
    c.clock.advanceDays(29);
    expect((await upload(c, recent)).statusCode).toBe(201);
    c.clock.advanceDays(2);
    const res = await upload(c, old);

    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'SIGNATURE_EXPIRED', message: expect.stringContaining('more than 30 days ago') });
  });

  it('keeps five minutes for direct requests: a request cannot claim the hand-over window by naming its header', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    const signedAt = c.clock.now();
    c.clock.advanceMs(10 * 60_000);
    const headers = await signCollectorRequest({ key: who.key, installationId: who.installationId, method: 'POST', path: '/v1/reports', body: bytesOf(report), now: signedAt, nonce: freshNonce() });
    const res = await c.app.inject({
      method: 'POST',
      url: '/v1/reports',
      payload: bytesOf(report),
      headers: { 'content-type': 'application/json', 'idempotency-key': report.reportId, 'ur-hand-over': 'guessed', ...headers }
    });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('SIGNATURE_EXPIRED');
  });

  it('applies the schema and the privacy guard as ingest does, naming where without echoing', async () => {
    const who = makeInstallation();
    const unknownField = await upload(c, await reportFile(who, makeReport({ installationId: who.installationId, fields: { 'app.licence': 'active', 'site.secretThing': 'x' } }), c.clock.now()));
    expect(unknownField.statusCode).toBe(400);
    expect(errorOf(unknownField)).toMatchObject({ code: 'SCHEMA_VIOLATION', issues: [{ path: 'fields', message: '1 unknown key (not in the report format)' }] });
    expect(unknownField.body).not.toContain('secretThing');

    const host = await upload(c, await reportFile(who, makeReport({ installationId: who.installationId, withheld: [{ key: 'acme.atlassian', reason: 'restricted-field' }] }), c.clock.now()));
    expect(host.statusCode).toBe(422);
    expect(errorOf(host)).toMatchObject({ code: 'PRIVACY_VIOLATION', issues: [{ path: '$["withheld"][0]["key"]', message: 'looks like hostname' }] });
    expect(host.body).not.toContain('acme');
    expect(await c.store.countReports()).toBe(0);
  });

  it("charges the installation's ingest budget like a direct send", async () => {
    await c.close();
    c = handOverCollector({ ingestRateLimit: { capacity: 1, perHour: 60 } });
    const who = makeInstallation();
    expect((await upload(c, await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now()))).statusCode).toBe(201);
    const res = await upload(c, await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now()));
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
  });

  it('takes a rotated installation’s file through the key chain it carries, and refuses one without it', async () => {
    const first = makeInstallation();
    const now = rotated(first, c.clock.now());
    const withoutChain = await upload(c, await reportFile(now, makeReport({ installationId: now.installationId }), c.clock.now()));
    expect(withoutChain.statusCode).toBe(401);

    const file = await reportFile(now, makeReport({ installationId: now.installationId }), c.clock.now(), { withKeyChain: true });
    expect(answerOf(await upload(c, file)).outcome).toBe('accepted');
    expect((await c.store.keyChainOf(now.installationId))?.chain).toEqual(now.chain);
    expect(answerOf(await upload(c, file)).outcome).toBe('already-held');
  });

  it('offers the answer as a file to save with ?as=file', async () => {
    const who = makeInstallation();
    const res = await upload(c, await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now()), '?as=file');
    const checked = verifyCollectorAnswer(res.body, c.collectorKey.publicKey);
    if (!checked.ok) throw new Error(checked.message);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${collectorAnswerFileName(checked.payload)}"`);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="usage-report-receipt-[0-9a-f-]{36}\.json"$/);
  });
});

describe('uploading something that is not a good hand-over file', () => {
  let c: HandOverCollector;
  beforeEach(() => {
    c = handOverCollector();
  });
  afterEach(async () => {
    await c.close();
  });

  it('says a file cut short is broken', async () => {
    const who = makeInstallation();
    const file = await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now());
    const res = await upload(c, file.slice(0, 200));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({ code: 'HAND_OVER_UNREADABLE', message: expect.stringContaining('not JSON') });
  });

  it('sends a receipt uploaded by mistake back to the app', async () => {
    const who = makeInstallation();
    const { answerText } = answerOf(await upload(c, await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now())));
    const res = await upload(c, answerText);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({ code: 'HAND_OVER_WRONG_KIND', message: expect.stringContaining('Paste or upload it on the app') });
  });

  it('refuses a file whose kind is not its request’s', async () => {
    const who = makeInstallation();
    const file = await reportFile(who, makeReport({ installationId: who.installationId }), c.clock.now());
    const res = await upload(c, file.replace('"kind": "report"', '"kind": "delete"'));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({ code: 'HAND_OVER_WRONG_KIND', message: 'The file says it holds a delete request, but its request is a report request.' });
  });

  it('asks for JSON, and refuses a body over the file limit before reading it', async () => {
    const plain = await c.app.inject({ method: 'POST', url: '/upload', headers: { 'content-type': 'text/plain' }, payload: '{}' });
    expect(plain.statusCode).toBe(415);
    const huge = await upload(c, JSON.stringify({ pad: 'x'.repeat(600 * 1024) }));
    expect(huge.statusCode).toBe(413);
  });

  it('charges unreadable files to the address, and stops answering them past its budget', async () => {
    await c.close();
    c = handOverCollector({ unauthenticatedRateLimit: { capacity: 2, perHour: 60 } });
    expect((await upload(c, '{')).statusCode).toBe(400);
    expect((await upload(c, '{')).statusCode).toBe(400);
    const third = await upload(c, '{');
    expect(third.statusCode).toBe(429);
    expect(errorOf(third).code).toBe('RATE_LIMITED');
  });
});
