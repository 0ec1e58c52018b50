import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PostgresUnavailableError } from '../src/store/postgres/connect-error';
import { openStore } from '../src/store/open-store';
import { onDatabase, serverUrl } from './support/postgres';

/**
 * A PostgreSQL server that is missing, down or refuses the URL stops the start with one line: the URL
 * with its password masked, the driver's or server's reason, and what to check.
 */
const withPassword = (url: string, changes: { port?: string; database?: string } = {}) => {
  const u = new URL(changes.database === undefined ? url : onDatabase(url, changes.database));
  u.password = 'hunter2';
  if (changes.port !== undefined) u.port = changes.port;
  return u;
};
const masked = (u: URL) => u.toString().replace(':hunter2@', ':*****@');

describe('opening a PostgreSQL store that cannot be used', () => {
  it('names the URL without its password when nothing listens there, and says to check the server, host and port', async () => {
    const url = withPassword(serverUrl(), { port: '1' });
    const thrown: unknown = await openStore({ dbPath: 'unused.db', databaseUrl: url.toString() }).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(PostgresUnavailableError);
    expect((thrown as Error).message).toBe(
      `PostgreSQL at ${masked(url)} cannot be used (connect ECONNREFUSED 127.0.0.1:1); nothing accepts connections there: check that the server is running, and the host and port`
    );
  });

  it('says the database is missing, and how to make it', async () => {
    const url = withPassword(serverUrl(), { database: 'no_such_collector_database' });
    await expect(openStore({ dbPath: 'unused.db', databaseUrl: url.toString() })).rejects.toThrow(
      `PostgreSQL at ${masked(url)} cannot be used (database "no_such_collector_database" does not exist); the database does not exist: create it (createdb) or correct the database name in the URL`
    );
  });
});

describe('the collector started on one', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'collector-pg-unavailable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 after one line on stderr, without the password', async () => {
    const url = withPassword(serverUrl(), { port: '1' });
    // As `npm run collector` runs it: main.ts under tsx, in an empty directory.
    const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, '../src/main.ts')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', COLLECTOR_PORT: '0', COLLECTOR_DATABASE_URL: url.toString() },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    expect(err).toBe(`collector failed to start: PostgreSQL at ${masked(url)} cannot be used (connect ECONNREFUSED 127.0.0.1:1); nothing accepts connections there: check that the server is running, and the host and port\n`);
    expect(err).not.toContain('hunter2');
  }, 30_000);
});
