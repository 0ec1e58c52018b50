import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch as forgeFetch } from '@forge/api';
import { kvs } from '@forge/kvs';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../support/reference-app';
import { InvocationKilledError } from '@usage-reporting/forge-sim';

const COLLECTOR = 'https://collector.usage-reporting.example.com';

let server: Server;
let baseUrl: string;
let delivered: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      delivered += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let platform: SimPlatform;
beforeEach(() => {
  delivered = 0;
  platform = createReferencePlatform({ egressTargets: { [COLLECTOR]: baseUrl } });
});
afterEach(() => platform.close());

const run = <T>(fn: () => Promise<T>) => platform.runAsInvocation({ functionKey: 'scheduled' }, fn);
const nameOf = (e: unknown) => (e instanceof Error ? e.name : typeof e);
const send = () => forgeFetch(`${COLLECTOR}/v1/reports`, { method: 'POST', body: '{}' });

describe('KVS failures', () => {
  test('the next N KVS calls fail with a KVS API error, then KVS works again', async () => {
    platform.faults.failKvs({ times: 2 });
    await expect(run(() => kvs.set('a', 1))).rejects.toMatchObject({ name: 'ForgeKvsError', code: 'INTERNAL_SERVER_ERROR' });
    await expect(run(() => kvs.get('a'))).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    await run(() => kvs.set('a', 1));
    expect(await run(() => kvs.get('a'))).toBe(1);
    expect(platform.faults.armed()).toEqual([]);
  });

  test('a path filter makes only matching operations fail', async () => {
    platform.faults.failKvs({ path: '/api/v1/set' });
    await expect(run(() => kvs.get('missing'))).resolves.toBeUndefined();
    await expect(run(() => kvs.set('b', 2))).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(await run(() => kvs.get('b'))).toBeUndefined();
  });
});

describe('egress faults', () => {
  test('a timeout never answers; the request ends only when the caller aborts', async () => {
    platform.faults.timeoutEgress();
    const controller = new AbortController();
    const pending = run(() => forgeFetch(`${COLLECTOR}/v1/reports`, { method: 'POST', body: '{}', signal: controller.signal }));
    let settled = false;
    void pending.catch(() => undefined).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    controller.abort(new Error('client gave up'));
    await expect(pending).rejects.toThrow('client gave up');
    expect(delivered).toBe(0);
  });

  test('a 5xx answers without reaching the collector; the next request goes through', async () => {
    platform.faults.failEgress({ status: 503 });
    expect((await run(send)).status).toBe(503);
    expect(delivered).toBe(0);
    expect((await run(send)).status).toBe(200);
    expect(delivered).toBe(1);
  });
});

describe('an invocation that dies part-way', () => {
  test('killed right after the egress request is delivered: the collector has it, the app sees an error, later calls fail', async () => {
    platform.faults.killInvocation({ afterEgressDelivered: true });
    const steps: string[] = [];
    const outcome = run(async () => {
      try {
        await send();
      } catch (e) {
        steps.push(`send failed: ${nameOf(e)}`);
      }
      try {
        await kvs.set('receipt', 'stored');
      } catch (e) {
        steps.push(`kvs failed: ${nameOf(e)}`);
      }
      return 'app thinks it finished';
    });
    await expect(outcome).rejects.toBeInstanceOf(InvocationKilledError);
    expect(delivered).toBe(1);
    expect(steps).toEqual(['send failed: InvocationKilledError', 'kvs failed: InvocationKilledError']);
    expect(await run(() => kvs.get('receipt'))).toBeUndefined();
  });

  test('killed after the 2nd KVS write: both writes land, the third never happens', async () => {
    platform.faults.killInvocation({ afterKvsWrites: 2 });
    const outcome = run(async () => {
      await kvs.set('one', 1);
      await kvs.set('two', 2);
      await kvs.set('three', 3);
    });
    await expect(outcome).rejects.toMatchObject({ name: 'InvocationKilledError', reason: expect.stringContaining('/api/v1/set') });
    const after = await run(async () => [await kvs.get('one'), await kvs.get('two'), await kvs.get('three')]);
    expect(after).toEqual([1, 2, undefined]);
  });

  test('a kill affects only the invocation it fires in; a concurrent one carries on', async () => {
    platform.faults.killInvocation({ afterKvsWrites: 1 });
    let releaseOther: () => void = () => undefined;
    const gate = new Promise<void>((r) => (releaseOther = r));
    const other = run(async () => {
      await gate;
      await kvs.set('other', 'fine');
      return 'other done';
    });
    await expect(run(() => kvs.set('victim', 1))).rejects.toBeInstanceOf(InvocationKilledError);
    releaseOther();
    await expect(other).resolves.toBe('other done');
  });

  test('a function still running at the time limit is killed', async () => {
    const quick = createReferencePlatform({ functionTimeoutMs: 30 });
    try {
      const outcome = quick.runAsInvocation({ functionKey: 'scheduled' }, () => new Promise((r) => setTimeout(r, 500)));
      await expect(outcome).rejects.toMatchObject({ name: 'InvocationKilledError', reason: expect.stringContaining('time limit') });
    } finally {
      quick.close();
    }
  });
});
