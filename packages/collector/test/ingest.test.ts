import { receiptSchema } from '@usage-reporting/core/collector-api';
import { collectorErrorBodySchema } from '@usage-reporting/core/collector-api';
import { sha256Hex } from '@usage-reporting/core/node';
import { startCollector } from '../src/server';
import { bytesOf, collectorOn, freshNonce, makeInstallation, makeReport, postReport, resend, sendReport, type EngineCollector } from './support';
import { storeEngines } from './support/engines';
import { reportRequest } from '@usage-reporting/core/node';

describe.each(storeEngines())('POST /v1/reports, on $name', (engine) => {
  let c: EngineCollector;
  beforeEach(async () => {
    c = await collectorOn(engine);
  });
  afterEach(async () => {
    await c.close();
  });

  it('stores a report and answers 201 with a receipt carrying the digest of the exact bytes', async () => {
    const report = makeReport();
    const { status, receipt } = await sendReport(c, report);

    expect(status).toBe(201);
    expect(receiptSchema.parse(receipt)).toEqual({
      receiptId: expect.any(String),
      reportId: report.reportId,
      receivedAt: '2026-11-29T05:00:00.000Z',
      digest: sha256Hex(bytesOf(report)),
      duplicate: false,
      // The same facts signed by the collector (signed-answers.test.ts checks the signature).
      signedAnswer: expect.objectContaining({ kind: 'report-receipt' })
    });
    const stored = await c.store.reportsOf(report.installationId);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.bytes).toBe(bytesOf(report));
  });

  it('answers a replay with the original receipt and stores nothing new', async () => {
    const report = makeReport();
    const first = await sendReport(c, report);
    c.clock.advanceMs(90_000);
    const replay = await sendReport(c, report);

    expect(replay.status).toBe(200);
    expect(replay.receipt).toEqual({ ...first.receipt, duplicate: true });
    expect(await c.store.countReports()).toBe(1);
  });

  it('refuses the same reportId with different bytes as a conflict and keeps the original', async () => {
    const report = makeReport();
    await sendReport(c, report);
    const altered = { ...report, fields: { ...report.fields, 'app.licence': 'evaluation' } };
    const res = await postReport(c, bytesOf(altered), { 'idempotency-key': report.reportId });

    expect(res.statusCode).toBe(409);
    expect(collectorErrorBodySchema.parse(res.json()).error.code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await c.store.reportsOf(report.installationId))[0]?.bytes).toBe(bytesOf(report));
  });

  it('rate-limits per verified installation with a retry-after, and other installations are unaffected', async () => {
    await c.close();
    c = await collectorOn(engine, { ingestRateLimit: { capacity: 3, perHour: 60 } });
    const installationId = makeReport().installationId;
    for (let i = 0; i < 3; i++) expect((await sendReport(c, makeReport({ installationId }))).status).toBe(201);

    const report4 = makeReport({ installationId });
    const { res } = await sendReport(c, report4);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect((await sendReport(c, makeReport())).status).toBe(201);

    c.clock.advanceMs(60_000);
    expect((await sendReport(c, report4)).status).toBe(201);
    expect(await c.store.countReports()).toBe(5);
  });

  it('records the nonce with the report, so a captured request sent again is refused and spends no budget', async () => {
    await c.close();
    c = await collectorOn(engine, { ingestRateLimit: { capacity: 2, perHour: 60 } });
    const report = makeReport();
    const first = await sendReport(c, report);
    expect(first.status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const replay = await resend(c, first.req);
      expect(replay.statusCode).toBe(401);
      expect(collectorErrorBodySchema.parse(replay.json()).error.code).toBe('SIGNATURE_REPLAYED');
    }
    // The app's own retry of the same report (fresh nonce) is a duplicate with the original receipt, within budget.
    const retry = await sendReport(c, report);
    expect(retry.status).toBe(200);
    expect(retry.receipt).toEqual({ ...first.receipt, duplicate: true });
  });

  it("refuses a genuinely signed report that names another installation's id", async () => {
    const victim = makeInstallation();
    const outsider = makeInstallation();
    const { res } = await sendReport(c, makeReport({ installationId: victim.installationId }), outsider);
    expect(res.statusCode).toBe(403);
    expect(collectorErrorBodySchema.parse(res.json()).error.code).toBe('FORBIDDEN');
    expect(await c.store.countReports()).toBe(0);
  });

  it('accepts a format-1 report from an app that has not been updated', async () => {
    const v1 = makeReport({ format: 'usage-report/1', fields: { 'app.licence': 'none', 'site.product': 'confluence' } });
    expect((await sendReport(c, v1)).status).toBe(201);
  });

  it('stores a report sent twice at once exactly once, and answers both with its receipt', async () => {
    const report = makeReport();
    const [a, b] = await Promise.all([sendReport(c, report), sendReport(c, report)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.receipt.receiptId).toBe(b.receipt.receiptId);
    expect(await c.store.countReports()).toBe(1);
  });
});

describe.each(storeEngines())('the collector listening on loopback, on $name', (engine) => {
  it('ingests over real HTTP, answers a replay with the same receipt, and closes cleanly', async () => {
    const location = await engine.location();
    const collector = await startCollector({ port: 0, host: '127.0.0.1', ...location.options });
    try {
      expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const who = makeInstallation();
      const report = makeReport({ installationId: who.installationId });
      // Each send is signed afresh, as the app's retry would be: a new nonce, the same bytes.
      const send = async () => {
        const req = await reportRequest({ ...who, now: new Date(), nonce: freshNonce(), reportText: bytesOf(report), reportId: report.reportId });
        return fetch(`${collector.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
      };
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      const [a, b] = [receiptSchema.parse(await first.json()), receiptSchema.parse(await second.json())];
      expect(b).toEqual({ ...a, duplicate: true });
      // (The dashboard, behind its token since packages/collector/src/dashboard/credential.ts, has its own suite.)
      expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
    } finally {
      await collector.close();
      await location.remove();
    }
  });

  it('keeps stored reports across a restart on the same store', async () => {
    const location = await engine.location();
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    try {
      const first = await startCollector({ port: 0, ...location.options });
      const send = async (url: string) => {
        const req = await reportRequest({ ...who, now: new Date(), nonce: freshNonce(), reportText: bytesOf(report), reportId: report.reportId });
        return fetch(`${url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
      };
      expect((await send(first.url)).status).toBe(201);
      await first.close();

      const second = await startCollector({ port: 0, ...location.options });
      const replay = await send(second.url);
      expect(replay.status).toBe(200);
      expect(receiptSchema.parse(await replay.json()).duplicate).toBe(true);
      await second.close();
    } finally {
      await location.remove();
    }
  });
});
