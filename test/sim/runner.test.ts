import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { asUser, fetch as forgeFetch, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import type { Product } from '@usage-reporting/core/api';
import { type RunnerOptions } from '@usage-reporting/forge-sim/runner';
import { REFERENCE_APP_DIR, REFERENCE_MANIFEST } from '../support/reference-app';
import { startLocalRunner, type LocalRunner } from '@usage-reporting/forge-sim/runner';

// The reference app's KVS keys, as an existing installation has them stored (packages/forge/src/context/installation.ts;
// the package exports no key names, and a rename would orphan what installations already keep).
// The reference app's install record, as stored: the toolkit keeps its keys under 'usage-reporting:'.
const INSTALLATION_KEY = 'usage-reporting:installation:record';

/** The local runner in this process: sim platform, collector and bridge host, on free ports. */
let dir: string;
const running: LocalRunner[] = [];
const log: string[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'runner-test-'));
  log.length = 0;
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
  await rm(dir, { recursive: true, force: true });
});

async function start(overrides: Partial<RunnerOptions> = {}): Promise<LocalRunner> {
  const runner = await startLocalRunner(
    { port: 0, dataDir: path.join(dir, 'data'), reset: false, memory: false, manifestPath: REFERENCE_MANIFEST, appDir: REFERENCE_APP_DIR, ...overrides },
    (line) => log.push(line)
  );
  running.push(runner);
  return runner;
}

async function stop(runner: LocalRunner): Promise<void> {
  running.splice(running.indexOf(runner), 1);
  await runner.close();
}

function asApp<T>(runner: LocalRunner, fn: () => Promise<T>, product?: Product): Promise<T> {
  return runner.platform.runAsInvocation({ functionKey: 'resolver', accountId: runner.platform.users.admin, product }, fn);
}

async function invoke(runner: LocalRunner, functionKey: string, as: 'admin' | 'member'): Promise<unknown> {
  const origin = new URL(runner.url).origin;
  const response = await fetch(new URL('/__host/api/invoke', runner.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ functionKey, product: 'jira', as })
  });
  return response.json();
}

describe('the local runner', () => {
  test('serves the product page and runs the real resolver for the acting user', async () => {
    const runner = await start();
    expect(runner.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const page = await fetch(runner.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Run scheduled trigger now');
    expect(await invoke(runner, 'usageReporting.getContext', 'admin')).toEqual({ ok: true, value: { ok: true, data: { product: 'jira', isAdmin: true, appVersion: '1.0.0' } } });
    expect(await invoke(runner, 'usageReporting.getContext', 'member')).toEqual({ ok: true, value: { ok: true, data: { product: 'jira', isAdmin: false, appVersion: '1.0.0' } } });
  });

  test('--site-size shapes the simulated site the app reads', async () => {
    const projectTotal = (runner: LocalRunner) =>
      asApp(runner, async () => {
        const response = await asUser().requestJira(route`/rest/api/3/project/search?maxResults=1`);
        const body: unknown = await response.json();
        return typeof body === 'object' && body !== null && 'total' in body ? body.total : body;
      });
    const small = await start({ memory: true, siteSize: 10 });
    expect(await projectTotal(small)).toBe(10);
    await stop(small);
    const large = await start({ memory: true, siteSize: 50_000 });
    expect(await projectTotal(large)).toBe(50_000);
  });

  test("the manifest's one plain backend egress host reaches the in-process collector, and only that host", async () => {
    const runner = await start();
    expect(runner.analyticsOrigin).toBe('https://collector.usage-reporting.example.com');
    const health = await asApp(runner, async () => {
      const response = await forgeFetch('https://collector.usage-reporting.example.com/healthz');
      return { status: response.status, body: await response.json() };
    });
    expect(health).toEqual({ status: 200, body: { ok: true } });
    await expect(asApp(runner, () => forgeFetch('https://example.org/'))).rejects.toThrow(/example\.org/);
  });

  test("the page's network switches take the collector down from the app's next call; there is no analytics switch for a plainly declared collector", async () => {
    const runner = await start({ memory: true });
    const page = new URL(runner.url).origin;
    const health = () => asApp(runner, () => forgeFetch('https://collector.usage-reporting.example.com/healthz').then((r) => r.status));
    const change = (body: object) =>
      fetch(new URL('/__host/api/network', runner.url), { method: 'POST', headers: { 'content-type': 'application/json', origin: page }, body: JSON.stringify(body) }).then((r) => r.json());

    expect(await health()).toBe(200);
    // Forge's analytics toggle drops only `category: analytics` egress, which the collector is not.
    expect(await change({ analyticsEgress: false })).toMatchObject({ ok: false, message: expect.stringContaining('declares no `category: analytics` egress') });
    expect(await health()).toBe(200);
    await change({ collectorReachable: false });
    await expect(health()).rejects.toThrow(expect.objectContaining({ message: 'fetch failed', cause: expect.objectContaining({ code: 'ENOTFOUND' }) }));
    await change({ collectorReachable: true });
    expect(await health()).toBe(200);
    expect(await (await fetch(new URL('/__host/api/network', runner.url))).json()).toEqual({ analyticsEgress: true, collectorReachable: true });
  });

  test('keeps its data in the data folder across restarts, and sends the installed event once', async () => {
    const first = await start();
    const installed = await asApp(first, () => kvs.get(INSTALLATION_KEY));
    expect(installed).toEqual({ installedAt: expect.any(String), product: 'jira' });
    await asApp(first, () => kvs.set('settings', { kept: true }));
    // Gone before the restart: only a second installed event could bring it back.
    await asApp(first, () => kvs.delete(INSTALLATION_KEY));
    await stop(first);
    expect((await readdir(path.join(dir, 'data'))).sort()).toEqual(['collector-signing-key.json', 'collector.db', 'dashboard-token', 'installed.json', 'kvs']);

    const second = await start();
    expect(await asApp(second, () => kvs.get('settings'))).toEqual({ kept: true });
    expect(await asApp(second, () => kvs.get(INSTALLATION_KEY))).toBeUndefined();
  });

  test('installs the app in Jira and in Confluence: two installations, each with its own storage and installed event, kept across restarts', async () => {
    const first = await start();
    expect(first.platform.site.product).toBe('jira');
    expect(await asApp(first, () => kvs.get(INSTALLATION_KEY), 'jira')).toMatchObject({ product: 'jira' });
    expect(await asApp(first, () => kvs.get(INSTALLATION_KEY), 'confluence')).toMatchObject({ product: 'confluence' });
    await asApp(first, () => kvs.set('settings', { in: 'confluence' }), 'confluence');
    expect(await asApp(first, () => kvs.get('settings'), 'jira')).toBeUndefined();
    // Gone before the restart: only a second installed event in Confluence could bring it back.
    await asApp(first, () => kvs.delete(INSTALLATION_KEY), 'confluence');
    await stop(first);
    expect((await readdir(path.join(dir, 'data', 'kvs'))).sort()).toEqual(['confluence', 'jira']);
    expect(JSON.parse(await readFile(path.join(dir, 'data', 'installed.json'), 'utf8'))).toEqual({
      installations: { jira: { installedAt: expect.any(String) }, confluence: { installedAt: expect.any(String) } }
    });

    const second = await start();
    expect(await asApp(second, () => kvs.get(INSTALLATION_KEY), 'confluence')).toBeUndefined();
    expect(await asApp(second, () => kvs.get('settings'), 'confluence')).toEqual({ in: 'confluence' });
    expect(await asApp(second, () => kvs.get('settings'), 'jira')).toBeUndefined();
  });

  test('a data folder from before there were two installations keeps its data as the Jira one; Confluence is installed once', async () => {
    const data = path.join(dir, 'data');
    await mkdir(path.join(data, 'kvs'), { recursive: true });
    const stored = { value: { kept: true }, createdAt: 1, updatedAt: 1 };
    await writeFile(path.join(data, 'kvs', 'kvs.json'), JSON.stringify({ version: 1, namespaces: { kvs: { settings: stored } } }));
    await writeFile(path.join(data, 'installed.json'), JSON.stringify({ installedAt: '2026-11-01T00:00:00.000Z' }));

    const first = await start();
    expect(await asApp(first, () => kvs.get('settings'), 'jira')).toEqual({ kept: true });
    expect(await asApp(first, () => kvs.get(INSTALLATION_KEY), 'jira')).toBeUndefined();
    expect(await asApp(first, () => kvs.get(INSTALLATION_KEY), 'confluence')).toMatchObject({ product: 'confluence' });
    await stop(first);
    expect(JSON.parse(await readFile(path.join(data, 'installed.json'), 'utf8'))).toEqual({
      installations: { jira: { installedAt: '2026-11-01T00:00:00.000Z' }, confluence: { installedAt: expect.any(String) } }
    });
  });

  test('--reset starts clean', async () => {
    const first = await start();
    await asApp(first, () => kvs.set('settings', { kept: true }));
    await stop(first);
    const second = await start({ reset: true });
    expect(await asApp(second, () => kvs.get('settings'))).toBeUndefined();
  });

  test('counters start at zero when the page can be opened, so they measure only what the page does', async () => {
    const runner = await start({ memory: true });
    expect(runner.platform.counters.snapshot()).toEqual({ invocations: {}, kvs: {}, product: {}, egress: {} });
    const counters = await fetch(new URL('/__host/api/counters', runner.url));
    expect(await counters.json()).toEqual({ invocations: {}, kvs: {}, product: {}, egress: {} });
    await invoke(runner, 'usageReporting.getContext', 'admin');
    const after = await (await fetch(new URL('/__host/api/counters', runner.url))).json();
    expect(after.invocations).toEqual({ resolver: 1 });
  });
});

describe('the local runner with --seed', () => {
  async function seedFile(content: unknown): Promise<string> {
    const file = path.join(dir, 'seed.json');
    await writeFile(file, JSON.stringify(content));
    return file;
  }

  test('the app starts from the seeded state, as an existing installation (no installed event)', async () => {
    const runner = await start({ memory: true, seedFile: await seedFile({ values: { consent: { formatVersion: 1 } }, secrets: { 'collector-secret': 'k' } }) });
    expect(await asApp(runner, () => kvs.get('consent'))).toEqual({ formatVersion: 1 });
    expect(await asApp(runner, () => kvs.getSecret('collector-secret'))).toBe('k');
    expect(await asApp(runner, () => kvs.get(INSTALLATION_KEY))).toBeUndefined();
    expect(log).toContain('Seeded the KVS with 1 value(s) and 1 secret(s). Each installation (jira, confluence) starts from them.');
    // Either product's page opens on the seeded state.
    expect(await asApp(runner, () => kvs.get('consent'), 'confluence')).toEqual({ formatVersion: 1 });
    expect(await asApp(runner, () => kvs.get(INSTALLATION_KEY), 'confluence')).toBeUndefined();
  });

  test('a bad seed file stops the start before the data folder is touched', async () => {
    const first = await start();
    await asApp(first, () => kvs.set('settings', { kept: true }));
    await stop(first);

    await expect(start({ reset: true, seedFile: await seedFile({ consent: {} }) })).rejects.toThrow(/is not a seed/);
    const again = await start();
    expect(await asApp(again, () => kvs.get('settings'))).toEqual({ kept: true });
  });

  test('a seed entry the KVS refuses stops the start and names the entry', async () => {
    await expect(start({ memory: true, seedFile: await seedFile({ values: { 'no/slashes': 1 } }) })).rejects.toThrow(
      "The seed's value 'no/slashes' was refused by the KVS: INVALID_KEY"
    );
  });
});
