import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startBridgeHost, type BridgeHost } from '@usage-reporting/forge-sim/host';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform, REFERENCE_MANIFEST } from '../support/reference-app';

/**
 * The bridge host over HTTP, without a browser: which origin serves what, under which policy.
 * It frames a small built "resource" written here, so the suite does not depend on a UI build.
 */
const MANIFEST = REFERENCE_MANIFEST;
let platform: SimPlatform;
let host: BridgeHost;
let tempRoot: string;
let resourceDir: string;
let page: string;
let frame: string;

beforeEach(async () => {
  tempRoot = await mkdtemp(path.join(os.tmpdir(), 'host-resource-'));
  resourceDir = path.join(tempRoot, 'resource');
  await mkdir(path.join(resourceDir, 'assets'), { recursive: true });
  // A file next to the resource folder, which no request may reach.
  await writeFile(path.join(tempRoot, 'secret.txt'), 'not for the browser');
  await writeFile(path.join(resourceDir, 'index.html'), '<!doctype html><html><head><title>app</title><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  await writeFile(path.join(resourceDir, 'assets/app.js'), 'console.log("app")');
  platform = createReferencePlatform();
  host = await startBridgeHost({ platform, manifestPath: MANIFEST, resourceDir, port: 0 });
  page = `http://localhost:${host.port}`;
  frame = `http://127.0.0.1:${host.port}`;
});
afterEach(async () => {
  await host.close();
  platform.close();
  await rm(tempRoot, { recursive: true, force: true });
});

/** A GET exactly as written: no URL normalisation by the client, any Host header. */
function rawGet(pathAndQuery: string, hostHeader: string): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: pathAndQuery, headers: { host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? '').split('; ').map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1)]));
}

describe('the product page', () => {
  test('is served on localhost with its controls, and frames the app from the other loopback name', async () => {
    const response = await fetch(`${page}/?product=confluence&as=member&theme=dark`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="en" data-color-mode="dark" data-product="confluence">');
    expect(html).toContain(`data-frame-origin="${frame}"`);
    expect(html).toContain('data-resource-confluence="/admin/index.html"');
    expect(html).toContain('<option value="member" selected>Non-admin user</option>');
    expect(html).toContain('<button type="button" id="run-scheduled">Run scheduled trigger now</button>');
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual([frame]);
  });

  test('its scripts are the host files compiled to plain JavaScript', async () => {
    const script = await (await fetch(`${page}/__host/host.js`)).text();
    expect(script).toContain("const CHANNEL = 'forge-sim-bridge'");
    expect(script).not.toMatch(/: (string|unknown|HTMLElement)\b/);
    const shim = await fetch(`${frame}/__forge/bridge.js`);
    expect(shim.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await shim.text()).toContain("Object.defineProperty(window, '__bridge'");
  });
});

describe('the Custom UI document', () => {
  test("carries the policy @forge/csp computes from the manifest, allowing only the product page to frame it", async () => {
    const response = await fetch(`${frame}/admin/index.html`);
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toContain("'self'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('frame-ancestors')).toContain(page);
    expect(csp.get('report-uri')).toEqual([`${frame}/__forge/csp-report`]);
  });

  test("has Forge's bridge script first in <head>, ahead of the app's own scripts", async () => {
    const html = await (await fetch(`${frame}/admin/index.html`)).text();
    expect(html).toMatch(new RegExp(`^<!doctype html><html><head><script src="/__forge/bridge.js" data-host-origin="${page}"></script><title>app</title><script type="module"`));
  });

  test("serves the resource's files, and nothing outside the resource folder", async () => {
    expect(await (await fetch(`${frame}/admin/assets/app.js`)).text()).toBe('console.log("app")');
    const frameHost = `127.0.0.1:${host.port}`;
    expect(await rawGet('/admin/..%2fsecret.txt', frameHost)).toEqual({ status: 404, body: 'No file ..%2fsecret.txt in the resource.' });
    expect(await rawGet('/admin/assets/..%2f..%2fsecret.txt', frameHost)).toMatchObject({ status: 404 });
    expect(await rawGet('/admin/%2e%2e/secret.txt', frameHost)).toMatchObject({ status: 404 });
    expect((await fetch(`${frame}/admin/assets/missing.js`)).status).toBe(404);
  });

  test('says how to build the UI when it has not been built', async () => {
    await rm(path.join(resourceDir, 'index.html'));
    const response = await fetch(`${frame}/admin/index.html`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Run `npm run build:ui`');
  });

  test('records the CSP violations the browser reports', async () => {
    await fetch(`${frame}/__forge/csp-report`, {
      method: 'POST',
      headers: { 'content-type': 'application/csp-report' },
      body: JSON.stringify({ 'csp-report': { 'document-uri': `${frame}/admin/index.html`, 'violated-directive': 'script-src-elem', 'blocked-uri': 'inline' } })
    });
    expect(host.cspViolations).toEqual([{ documentUri: `${frame}/admin/index.html`, violatedDirective: 'script-src-elem', blockedUri: 'inline' }]);
  });
});

describe("the host's backend", () => {
  const invokeBody = JSON.stringify({ functionKey: 'usageReporting.getContext', payload: {}, product: 'jira', as: 'admin' });

  test('answers invoke from the product page', async () => {
    const response = await fetch(`${page}/__host/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', origin: page }, body: invokeBody });
    expect(await response.json()).toEqual({ ok: true, value: { ok: true, data: { product: 'jira', isAdmin: true, appVersion: '1.0.0' } } });
  });

  test('refuses invoke from the framed app or any other origin: only the page picks who is acting', async () => {
    for (const origin of [frame, 'https://evil.example']) {
      const response = await fetch(`${page}/__host/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: invokeBody });
      expect(response.status).toBe(403);
    }
    expect(platform.counters.total('invocations')).toBe(0);
  });

  test('answers only to its loopback names, so a DNS-rebinding page cannot reach it', async () => {
    expect(await rawGet('/', `attacker.example:${host.port}`)).toEqual({ status: 421, body: `Open the runner at http://localhost:${host.port}/` });
    expect((await rawGet('/', `localhost:${host.port}`)).status).toBe(200);
  });

  test('the network switches: state, refusals, and no collector to take down when none runs alongside', async () => {
    const post = (body: unknown, origin = page) =>
      fetch(`${page}/__host/api/network`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
    expect(await (await fetch(`${page}/__host/api/network`)).json()).toEqual({ analyticsEgress: true, collectorReachable: true });
    expect((await post({ collectorReachable: false }, frame)).status).toBe(403);
    expect((await post({ collectorReachable: 'no' })).status).toBe(400);
    expect((await post({ collectorReachable: false })).status).toBe(409);
    // The reference app declares its collector as plain egress: the analytics switch has nothing to act on.
    const analytics = await post({ analyticsEgress: false });
    expect(analytics.status).toBe(409);
    expect(await analytics.json()).toEqual({ ok: false, message: "This app declares no `category: analytics` egress, so the site admin's analytics switch has nothing to act on." });
    expect(await (await fetch(`${page}/__host/api/network`)).json()).toEqual({ analyticsEgress: true, collectorReachable: true });
    const html = await (await fetch(`${page}/`)).text();
    expect(html).not.toContain('id="collector-reachable"');
    expect(html).not.toContain('id="analytics-egress"');
    expect(html).not.toContain('Network switches');
  });

  test('for an app that declares analytics egress, the analytics switch turns and the page shows it as set', async () => {
    const manifestPath = path.join(tempRoot, 'manifest.yml');
    await writeFile(manifestPath, (await readFile(MANIFEST, 'utf8')).replace('inScopeEUD: false', 'category: analytics\n          inScopeEUD: false'));
    // The platform runs the same manifest: its egress is what the switch acts on.
    const analyticsPlatform = createReferencePlatform({ manifestPath });
    const analyticsHost = await startBridgeHost({ platform: analyticsPlatform, manifestPath, resourceDir, port: 0 });
    try {
      const origin = `http://localhost:${analyticsHost.port}`;
      const changed = await fetch(`${origin}/__host/api/network`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ analyticsEgress: false }) });
      expect(await changed.json()).toEqual({ ok: true, state: { analyticsEgress: false, collectorReachable: true } });
      const html = await (await fetch(`${origin}/`)).text();
      expect(html).toContain('<option value="blocked" selected>Blocked by the site admin</option>');
    } finally {
      await analyticsHost.close();
      analyticsPlatform.close();
    }
  });

  test('reports the platform counters', async () => {
    await fetch(`${page}/__host/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', origin: page }, body: invokeBody });
    const counters = await (await fetch(`${page}/__host/api/counters`)).json();
    expect(counters.invocations).toEqual({ resolver: 1 });
    expect(counters.kvs).toEqual(platform.counters.snapshot().kvs);
  });
});
