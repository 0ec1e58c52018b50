import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { readCollectorEnv } from '@usage-reporting/collector';
import { TestDatabase } from './support/postgres';

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

  it('reads no catalog module unless COLLECTOR_CATALOG names one', () => {
    const unset = readCollectorEnv({});
    expect(unset.ok && unset.env.COLLECTOR_CATALOG).toBeUndefined();
    expect(readCollectorEnv({ COLLECTOR_CATALOG: 'catalog/vendor.mjs' })).toMatchObject({ ok: true, env: { COLLECTOR_CATALOG: 'catalog/vendor.mjs' } });
  });

  it('refuses a catalog path that is not a JavaScript module, naming the variable', () => {
    const read = readCollectorEnv({ COLLECTOR_CATALOG: 'catalog.ts' });
    expect(read).toEqual({ ok: false, message: 'invalid configuration:\n  COLLECTOR_CATALOG: expected the path of a JavaScript module ending in .js, .mjs or .cjs' });
  });

  it('keeps the SQLite file unless COLLECTOR_DATABASE_URL names a PostgreSQL database, by either scheme', () => {
    const unset = readCollectorEnv({});
    expect(unset.ok && unset.env.COLLECTOR_DATABASE_URL).toBeUndefined();
    for (const url of ['postgres://collector:secret@db.internal:5432/collector', 'postgresql://db.internal/collector', 'postgres:///collector?host=/run/postgresql']) {
      expect(readCollectorEnv({ COLLECTOR_DATABASE_URL: url })).toMatchObject({ ok: true, env: { COLLECTOR_DATABASE_URL: url, COLLECTOR_DB: '.data/collector.db' } });
    }
  });

  it.each([
    ['another scheme', 'mysql://collector:hunter2@db.internal/collector', 'must start with postgres:// or postgresql://'],
    ['no URL at all (a libpq keyword string)', 'host=db.internal user=collector password=hunter2', 'is not a URL'],
    ['no host', 'postgres://collector:hunter2@/collector', 'names no host']
  ])('refuses a database URL with %s, naming the variable and never quoting the value', (_name, url, reason) => {
    const read = readCollectorEnv({ COLLECTOR_DATABASE_URL: url });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message).toContain(`COLLECTOR_DATABASE_URL: ${reason}`);
      expect(read.message).not.toContain('hunter2');
    }
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

/** Starts `npm run collector`'s entry (main.ts under tsx) in `cwd`, with only PATH and `env` set. */
function startMain(cwd: string, env: Record<string, string>) {
  // The loader is named by path, not found from cwd: the directory is empty, as a vendor's would be.
  return spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, '../src/main.ts')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
}

/** Resolves with the collector's "listening on" line, or rejects with what it printed if it exits first. */
function listeningLine(child: ReturnType<typeof startMain>, exited: Promise<number | null>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /^collector listening on .*$/m.exec(out);
      if (match) resolve(match[0]);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('npm run collector', () => {
  const database = new TestDatabase();
  afterAll(() => database.drop());
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'collector-main-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with embedded defaults and the built-in catalog, and prints its URL', async () => {
    // Port 0 only so parallel test runs cannot collide on 8787; everything else is the default.
    const child = startMain(dir, { COLLECTOR_PORT: '0' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const match = /^collector listening on .*$/m.exec(out);
          if (match) resolve(match[0]);
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const url = /collector listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      expect(line).toContain('catalog: built-in');
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      // The default data file, relative to where it was started.
      expect(existsSync(join(dir, '.data', 'collector.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);

  it('does not start when COLLECTOR_CATALOG names no module: one line naming the path, exit 1', async () => {
    const child = startMain(dir, { COLLECTOR_PORT: '0', COLLECTOR_CATALOG: 'vendor/catalog.mjs' });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    expect(err).toMatch(/^collector failed to start: COLLECTOR_CATALOG: \S+vendor\/catalog\.mjs does not exist; expected a \.js, \.mjs or \.cjs module whose `catalog` export \(or default export\) is a catalog made with makeCatalog from @usage-reporting\/core\.\n$/);
    expect(err).toContain(join(dir, 'vendor', 'catalog.mjs'));
  }, 30_000);

  it('keeps its data in PostgreSQL when COLLECTOR_DATABASE_URL is set, migrated, and prints the URL without its password', async () => {
    const url = new URL(await database.freshSchemaUrl());
    // The test server trusts loopback and never asks for it; the point is that it is not printed.
    url.password = 'hunter2';
    const child = startMain(dir, { COLLECTOR_PORT: '0', COLLECTOR_DATABASE_URL: url.toString() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const line = await listeningLine(child, exited);
      expect(line).toContain(`store: postgres://${url.username}:*****@${url.host}/`);
      expect(line).not.toContain('hunter2');
      const health = await fetch(`${/(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]}/healthz`);
      expect(health.status).toBe(200);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const { rows } = await client.query('SELECT version, name FROM schema_migrations ORDER BY version');
      await client.end();
      expect(rows).toEqual([{ version: 1, name: 'initial' }, { version: 2, name: 'published-views' }]);
      // No SQLite file beside it: the data directory holds only the deletion log, kept outside the database's backups.
      expect(readdirSync(join(dir, '.data'))).toEqual(['collector-deletions.jsonl']);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 30_000);

  it('does not start when a migration fails: one line naming the engine, the migration and its error, exit 1', async () => {
    const url = await database.freshSchemaUrl();
    // Another application's table where the collector's first migration creates its own.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE reports (id serial PRIMARY KEY)');
    await client.end();
    const child = startMain(dir, { COLLECTOR_PORT: '0', COLLECTOR_DATABASE_URL: url });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    expect(err).toBe('collector failed to start: PostgreSQL migration 0001-initial failed: relation "reports" already exists\n');
  }, 30_000);
});
