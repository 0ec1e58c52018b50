import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCollectorEnv } from '@usage-reporting/collector';

describe('collector configuration from the environment', () => {
  it('runs with no variables set: loopback, a file under .data, 730 days, k = 5', () => {
    expect(readCollectorEnv({ PATH: '/usr/bin' })).toEqual({
      ok: true,
      env: expect.objectContaining({
        COLLECTOR_HOST: '127.0.0.1',
        COLLECTOR_PORT: 8787,
        COLLECTOR_DB: '.data/collector.db',
        COLLECTOR_RETENTION_DAYS: 730,
        COLLECTOR_K: 5
      })
    });
  });

  it('takes the retention period and k from the environment, and treats an empty value as unset', () => {
    const read = readCollectorEnv({ COLLECTOR_RETENTION_DAYS: '365', COLLECTOR_K: '10', COLLECTOR_PORT: '' });
    expect(read).toMatchObject({ ok: true, env: { COLLECTOR_RETENTION_DAYS: 365, COLLECTOR_K: 10, COLLECTOR_PORT: 8787 } });
  });

  it('refuses a k that would publish single installations, naming the variable', () => {
    const read = readCollectorEnv({ COLLECTOR_K: '1', COLLECTOR_RETENTION_DAYS: 'forever' });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message).toContain('COLLECTOR_K');
      expect(read.message).toContain('COLLECTOR_RETENTION_DAYS');
    }
  });
});

describe('npm run collector', () => {
  it('starts with embedded defaults and prints its URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-main-'));
    // Port 0 only so parallel test runs cannot collide on 8787; everything else is the default.
    // Run in an empty directory, as a vendor would: the loader is named by path, not found from cwd.
    const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, '../../packages/collector/src/main.ts')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', COLLECTOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const match = /collector listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      // The default data file, relative to where it was started.
      expect(existsSync(join(dir, '.data', 'collector.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
