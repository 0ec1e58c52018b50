import { connect } from 'node:net';
import { startCollector, type RunningCollector } from '../src/server';
import { collectorErrorBodySchema } from '@usage-reporting/core/collector-api';
import { installationPaths } from '@usage-reporting/core/collector-api';
import { reportRequest } from '@usage-reporting/core/node';
import { bytesOf, collectorOn, freshNonce, makeInstallation, makeReport, rights, type CollectorUnderTest } from './support';
import { storeEngines, type StoreLocation } from './support/engines';

const codeOf = (body: unknown) => collectorErrorBodySchema.parse(body).error.code;
const engines = storeEngines();

describe.each(engines)('limits of the rights API, on $name', (engine) => {
  let c: CollectorUnderTest;
  afterEach(async () => {
    await c.close();
  });

  it('refuses a restrictions body over 4 KiB with 413 and records nothing', async () => {
    c = await collectorOn(engine);
    const { installationId } = makeInstallation();
    const res = await c.app.inject({
      method: 'PUT',
      url: installationPaths(installationId).restrictions,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ restrictedPurposes: ['troubleshooting'], padding: 'A'.repeat(5000) })
    });
    expect(res.statusCode).toBe(413);
    expect(codeOf(res.json())).toBe('PAYLOAD_TOO_LARGE');
    expect(await c.store.getRestrictions(installationId)).toBeNull();
  });

  it('refuses a key chain body larger than any valid chain with 413 and holds no chain', async () => {
    c = await collectorOn(engine);
    const { installationId } = makeInstallation();
    const res = await c.app.inject({
      method: 'PUT',
      url: installationPaths(installationId).key,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ chain: { genesisPublicKey: 'A'.repeat(43), links: [], padding: 'A'.repeat(100 * 1024) } })
    });
    expect(res.statusCode).toBe(413);
    expect(await c.store.keyChainOf(installationId)).toBeNull();
  });

  it('rate-limits requests per verified installation, leaving other installations unaffected', async () => {
    c = await collectorOn(engine, { rightsRateLimit: { capacity: 2, perHour: 60 } });
    const alice = makeInstallation();
    const bob = makeInstallation();
    expect((await rights(c, alice, { kind: 'present-key-chain', chain: alice.chain })).res.statusCode).toBe(200);
    expect((await rights(c, alice, { kind: 'export' })).res.statusCode).toBe(200);
    const limited = (await rights(c, alice, { kind: 'delete' })).res;
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(await c.store.deletionsOf(alice.installationId)).toEqual([]);
    expect((await rights(c, bob, { kind: 'export' })).res.statusCode).toBe(200);
  });
});

/** Writes raw bytes to the collector's socket and resolves with whatever it answers before closing. */
function raw(url: string, bytes: string, endAfterWrite = true): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(bytes, () => {
      if (endAfterWrite) socket.end();
    });
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}

describe.each(engines)('the listening collector under hostile input, on $name', (engine) => {
  let location: StoreLocation;
  let collector: RunningCollector;
  beforeAll(async () => {
    location = await engine.location();
    collector = await startCollector({ port: 0, ...location.options });
  });
  afterAll(async () => {
    await collector.close();
    await location.remove();
  });

  it('answers garbage that is not HTTP with a 400 and keeps serving', async () => {
    expect(await raw(collector.url, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
  });

  it('stops reading a chunked body at the limit with 413, however much more is announced', async () => {
    const report = makeReport();
    const chunk = 'x'.repeat(16 * 1024);
    const body = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('') + '0\r\n\r\n';
    const answer = await raw(
      collector.url,
      `POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ${report.reportId}\r\nTransfer-Encoding: chunked\r\n\r\n${body}`
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('PAYLOAD_TOO_LARGE');
  });

  it('survives a client that announces a body and hangs up halfway', async () => {
    const answer = await raw(collector.url, 'POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"fields":', true);
    // Nothing complete arrived, so nothing is answered as if it had; the next request is served.
    expect(answer).not.toMatch(/^HTTP\/1\.1 20/);
    expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
  });

  it('still stores a valid report after all of the above', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    const req = await reportRequest({ ...who, now: new Date(), nonce: freshNonce(), reportText: bytesOf(report), reportId: report.reportId });
    const res = await fetch(`${collector.url}${req.path}`, { method: req.method, headers: req.headers, body: req.body });
    expect(res.status).toBe(201);
  });
});
