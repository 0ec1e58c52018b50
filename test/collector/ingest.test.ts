import { receiptSchema } from '../../shared/collector-api/ingest';
import { collectorErrorBodySchema } from '../../shared/collector-api/errors';
import { sha256Hex } from '../../shared/report/digest';
import { startCollector } from '../../collector/server';
import { bytesOf, makeReport, postReport, sendReport, testCollector, type TestCollector } from './support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('POST /v1/reports', () => {
  let c: TestCollector;
  beforeEach(() => {
    c = testCollector();
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
      duplicate: false
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

  it('rate-limits per installation with a retry-after, and other installations are unaffected', async () => {
    await c.close();
    c = testCollector({ ingestRateLimit: { capacity: 3, perHour: 60 } });
    const installationId = makeReport().installationId;
    for (let i = 0; i < 3; i++) expect((await sendReport(c, makeReport({ installationId }))).status).toBe(201);

    const limited = await postReport(c, bytesOf(makeReport({ installationId })), {});
    const report4 = makeReport({ installationId });
    const res = await postReport(c, bytesOf(report4), { 'idempotency-key': report4.reportId });
    expect(limited.statusCode).toBe(400); // missing key is refused before any token is spent
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect((await sendReport(c, makeReport())).status).toBe(201);

    c.clock.advanceMs(60_000);
    expect((await sendReport(c, report4)).status).toBe(201);
    expect(await c.store.countReports()).toBe(5);
  });

  it('accepts a format-1 report from an app that has not been updated', async () => {
    const v1 = makeReport({ format: 'usage-report/1', fields: { 'app.licence': 'none', 'site.product': 'confluence' } });
    expect((await sendReport(c, v1)).status).toBe(201);
  });
});

describe('the collector listening on loopback', () => {
  it('ingests over real HTTP, answers a replay with the same receipt, and closes cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-'));
    const collector = await startCollector({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'collector.db') });
    try {
      expect(collector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const report = makeReport();
      const send = () =>
        fetch(`${collector.url}/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': report.reportId },
          body: bytesOf(report)
        });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      const [a, b] = [receiptSchema.parse(await first.json()), receiptSchema.parse(await second.json())];
      expect(b).toEqual({ ...a, duplicate: true });
      const dashboard = await fetch(`${collector.url}/dashboard`);
      expect(dashboard.status).toBe(200);
      expect(dashboard.headers.get('content-security-policy')).toContain("default-src 'none'");
    } finally {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps stored reports across a restart on the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-'));
    const dbPath = join(dir, 'collector.db');
    const report = makeReport();
    try {
      const first = await startCollector({ port: 0, dbPath });
      const res = await fetch(`${first.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': report.reportId },
        body: bytesOf(report)
      });
      expect(res.status).toBe(201);
      await first.close();

      const second = await startCollector({ port: 0, dbPath });
      const replay = await fetch(`${second.url}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': report.reportId },
        body: bytesOf(report)
      });
      expect(replay.status).toBe(200);
      expect(receiptSchema.parse(await replay.json()).duplicate).toBe(true);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
