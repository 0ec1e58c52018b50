import { PassThrough } from 'node:stream';
import { buildCollectorApp } from '../src/app';
import { SqliteStore } from '../src/store/sqlite-store';
import { makeInstallation, makeReport, manualClock, postReport, rights, sendReport, type TestCollector } from './support';

describe('the request log', () => {
  it('keeps no installation id, report id, address or body: nothing export or delete could not reach', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.setEncoding('utf8').on('data', (d: string) => lines.push(d));
    const store = new SqliteStore(':memory:');
    const clock = manualClock();
    const built = buildCollectorApp({ store, now: clock.now, logger: stream });
    const c: TestCollector = { ...built, store, clock, close: async () => undefined };
    try {
      const who = makeInstallation();
      const report = makeReport({ installationId: who.installationId });
      expect((await sendReport(c, report)).status).toBe(201);
      await rights(c, who, { kind: 'present-key-chain', chain: who.chain });
      await rights(c, who, { kind: 'export' });
      await postReport(c, '{"fields": "Acme-Secret"}', { 'idempotency-key': report.reportId }, who);

      const log = lines.join('');
      expect(log).toContain('"path":"/v1/installations/:installationId/export"');
      expect(log).toContain('"statusCode":201');
      for (const secret of [who.installationId, report.reportId, who.key.publicKey, 'Acme-Secret', '127.0.0.1', 'remoteAddress', 'signature', 'nonce']) expect(log).not.toContain(secret);
    } finally {
      await built.app.close();
      await store.close();
    }
  });
});
