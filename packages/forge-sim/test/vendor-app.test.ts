import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import { createSimPlatform, type SimPlatform } from '@usage-reporting/forge-sim';

/**
 * The package as a vendor's suite uses it, through its public entry points only (jest's setupFiles
 * installs '@usage-reporting/forge-sim/install-globals'): a Forge app of its own, fixtures/visit-counter,
 * run from its manifest and its handler's source.
 */
const APP_DIR = path.join(__dirname, 'fixtures', 'visit-counter');
const DECLARED_ORIGIN = 'https://visits.vendor.example.com';

let platform: SimPlatform;
let standIn: { server: Server; url: string; bodies: string[] };

beforeEach(async () => {
  standIn = await startStandIn();
  platform = createSimPlatform({ appDir: APP_DIR, app: 'source', egressTargets: { [DECLARED_ORIGIN]: standIn.url } });
});
afterEach(async () => {
  platform.close();
  await new Promise((resolve) => standIn.server.close(resolve));
});

const admin = () => ({ accountId: platform.users.admin });

/** What the app has stored, read with @forge/kvs inside an invocation of the app's function. */
function storedVisits(): Promise<unknown> {
  return platform.runAsInvocation({ functionKey: 'resolver', accountId: platform.users.admin }, () => kvs.get('visits'));
}

describe("a vendor's own Forge app on the simulated platform", () => {
  test('runs the resolver its manifest names, and the KVS keeps what it stored', async () => {
    expect(await storedVisits()).toBeUndefined();

    expect(await platform.invokeResolver('recordVisit', {}, admin())).toEqual({ visits: 1 });
    expect(await platform.invokeResolver('recordVisit', {}, admin())).toEqual({ visits: 2 });

    expect(await storedVisits()).toBe(2);
  });

  test("reaches the host its manifest declares, answered by the test's stand-in server", async () => {
    await platform.invokeResolver('recordVisit', {}, admin());

    expect(await platform.invokeResolver('postVisits', { url: `${DECLARED_ORIGIN}/visits` }, admin())).toEqual({ status: 204 });
    expect(standIn.bodies).toEqual([JSON.stringify({ visits: 1 })]);
  });

  test('refuses a host the manifest does not declare, as Forge does, before anything is sent', async () => {
    await expect(platform.invokeResolver('postVisits', { url: 'https://elsewhere.example.org/visits' }, admin())).rejects.toThrow(
      'URL not included in the external fetch backend permissions: https://elsewhere.example.org/visits'
    );
    expect(platform.counters.snapshot().egress).toEqual({});
    expect(standIn.bodies).toEqual([]);
  });
});

/** The server a declared origin resolves to: it records each request body and answers 204. */
async function startStandIn(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}
