import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCollectorApp } from '@usage-reporting/collector';
import { startCollector } from '@usage-reporting/collector';
import { SqliteStore } from '@usage-reporting/collector';
import { dashboardLink, localDashboardToken } from '@usage-reporting/forge-sim/runner';

/** The dashboard as the collector app, `npm run collector` and `npm start` wire it. */
const token = 'vendor-dashboard-token-0123456789';

describe('buildCollectorApp', () => {
  it('serves the dashboard with the token it is given, and refuses it without one', async () => {
    for (const [dashboardToken, status] of [[token, 200], [undefined, 503]] as const) {
      const store = new SqliteStore(':memory:');
      const { app } = buildCollectorApp({ store, dashboardToken });
      try {
        const res = await app.inject({ method: 'GET', url: '/dashboard', headers: { authorization: `Bearer ${token}` } });
        expect(res.statusCode).toBe(status);
      } finally {
        await app.close();
        await store.close();
      }
    }
  });

  it('will not build with a token short enough to guess', () => {
    expect(() => buildCollectorApp({ store: new SqliteStore(':memory:'), dashboardToken: 'short' })).toThrow(/at least 16 characters/);
  });
});

describe("npm start's dashboard link", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-link-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one token per data folder, readable by its owner only, so a bookmarked link survives a restart', async () => {
    const first = await localDashboardToken(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await localDashboardToken(dir)).toBe(first);
    expect(statSync(join(dir, 'dashboard-token')).mode & 0o777).toBe(0o600);
  });

  it('replaces a token file that holds no valid token', async () => {
    writeFileSync(join(dir, 'dashboard-token'), 'short\n');
    const token2 = await localDashboardToken(dir);
    expect(token2).not.toBe('short');
    expect(await localDashboardToken(dir)).toBe(token2);
  });

  it('opens the dashboard of a running collector with the credentials it carries, as a browser sends them', async () => {
    const dashboardToken = await localDashboardToken(dir);
    const collector = await startCollector({ port: 0, dbPath: join(dir, 'collector.db'), dashboardToken });
    try {
      const link = new URL(dashboardLink(collector.url, dashboardToken));
      expect(link.username).toBe('vendor');
      // fetch refuses userinfo in a URL; a browser turns it into this header after the 401 challenge.
      const basic = `Basic ${Buffer.from(`${link.username}:${decodeURIComponent(link.password)}`).toString('base64')}`;
      link.username = '';
      link.password = '';
      expect((await fetch(link)).status).toBe(401);
      const res = await fetch(link, { headers: { authorization: basic } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<h1>Usage Reporting: what the vendor learns</h1>');
    } finally {
      await collector.close();
    }
  });
});
