import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private, throwaway PostgreSQL cluster for one jest run, when no server is given
 * (COLLECTOR_TEST_DATABASE_URL, which CI sets): initdb into a temp directory, start on a free loopback
 * port with trust authentication for 127.0.0.1 only, and delete it all afterwards. Durability is off
 * (fsync, full-page writes, synchronous commit): a crash loses a test database, never anything else.
 */
export interface ThrowawayCluster {
  /** A superuser URL, trust-authenticated over loopback. */
  url: string;
  stop(): void;
}

/** Debian's layout (/usr/lib/postgresql/<major>/bin), newest major first; else whatever PATH has. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0] !== undefined) return join(root, majors[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() !== '' ? join(which.stdout.trim(), '..') : null;
}

/** initdb refuses to run as root, and so does the server: as root, both run as the `postgres` OS user. */
function asServerUser(): { run: (bin: string, args: string[]) => SpawnSyncReturns<string>; prefix: string[]; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return { run: (bin, args) => spawnSync(bin, args, { encoding: 'utf8' }), prefix: [], uid: -1, gid: -1 };
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    const [uid, gid] = [id('-u'), id('-g')];
    const prefix = ['runuser', '-u', 'postgres', '--'];
    return { run: (bin, args) => spawnSync(prefix[0] as string, [...prefix.slice(1), bin, ...args], { encoding: 'utf8' }), prefix, uid, gid };
  } catch {
    return null;
  }
}

/**
 * Stops the cluster once this process is gone, however it went: jest killed (Ctrl-C, a closed pipe)
 * never runs its globalTeardown, and the server would run on, orphaned. A detached shell polls for it.
 */
function stopWhenGone(stopCommand: string[], dir: string): void {
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stopCommand.map(quote).join(' ')} >/dev/null 2>&1; rm -rf ${quote(dir)}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const failed = (what: string, r: SpawnSyncReturns<string>) => new Error(`${what} failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);

/** `settings`: extra postgresql.conf lines, after these defaults so they win (the bench sizes shared_buffers). */
export async function startThrowawayCluster(options: { settings?: readonly string[] } = {}): Promise<ThrowawayCluster> {
  const bin = findPostgresBin();
  if (bin === null) {
    throw new Error(
      'The collector suites need PostgreSQL: install it (Debian/Ubuntu: sudo apt-get install -y postgresql) so that initdb is found, ' +
        'or set COLLECTOR_TEST_DATABASE_URL=postgres://user@host:port/db to a server where that user may create databases.'
    );
  }
  const user = asServerUser();
  if (user === null) throw new Error('Running as root, the test cluster runs as the postgres OS user, and there is none (Debian creates it with the postgresql package).');
  const dir = mkdtempSync(join(tmpdir(), 'collector-pg-'));
  if (user.uid >= 0) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const init = user.run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C', '--no-instructions']);
    if (init.status !== 0) throw failed('initdb', init);
    // Loopback only, and nothing else may connect: not another address, not another OS user's socket.
    writeFileSync(join(data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');
    // Ports are picked free but may be taken before the server binds: try another a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      appendFileSync(
        join(data, 'postgresql.conf'),
        [
          `port = ${port}`,
          `listen_addresses = '127.0.0.1'`,
          `unix_socket_directories = '${dir}'`,
          'fsync = off',
          'full_page_writes = off',
          'synchronous_commit = off',
          'shared_buffers = 32MB',
          'max_connections = 200',
          // A zone far from UTC (+12:45/+13:45): a store that let the session's zone into a day or
          // month boundary would fail the suites here, not on the first server set up that way.
          `timezone = 'Pacific/Chatham'`,
          ...(options.settings ?? []),
          ''
        ].join('\n')
      );
      const start = user.run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      if (start.status === 0) {
        stopWhenGone([...user.prefix, join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'], dir);
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          stop: () => {
            user.run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
            cleanup();
          }
        };
      }
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
      if (attempt >= 3 || !/could not bind|address already in use/i.test(log)) throw new Error(`${failed('pg_ctl start', start).message}\n${log}`);
    }
  } catch (err) {
    cleanup();
    throw err;
  }
}
