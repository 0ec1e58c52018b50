import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { findPostgresBin, startThrowawayCluster } from '../../packages/collector/test/support/postgres-cluster';
import { onDatabase, onServer } from '../../packages/collector/test/support/postgres';

/**
 * The PostgreSQL server the collector section measures on: COLLECTOR_BENCH_DATABASE_URL when set,
 * else a throwaway cluster started for this run (the one the collector's suites use: loopback only,
 * durability off, deleted afterwards). Either way the bench works in a database of its own, made
 * here and dropped on release, so it never reads or leaves rows anywhere else.
 */
export const benchDatabaseUrlVariable = 'COLLECTOR_BENCH_DATABASE_URL';

export interface BenchDatabase {
  /** The bench's own database. */
  url: string;
  /** Where it came from, for the progress line (no password). */
  origin: string;
  release(): Promise<void>;
}

export type BenchDatabaseResult = { ok: true; database: BenchDatabase } | { ok: false; reason: string };

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';

/** How a throwaway server is found and started; the collector suites' own cluster unless told otherwise. */
export interface ClusterSource {
  findPostgresBin: () => string | null;
  startThrowawayCluster: (options: { settings?: readonly string[] }) => Promise<{ url: string; stop(): void }>;
}

/**
 * The suites' cluster keeps 32 MB of shared buffers, enough for many small databases; the bench holds
 * a million reports, so it runs with PostgreSQL's own default instead. Durability stays as the suites
 * have it (no fsync, asynchronous commit), like the SQLite store's WAL at synchronous = NORMAL, which
 * does not sync on each commit either.
 */
export const benchClusterSettings = ['shared_buffers = 128MB'];

export async function acquireBenchDatabase(env: NodeJS.ProcessEnv = process.env, cluster: ClusterSource = { findPostgresBin, startThrowawayCluster }): Promise<BenchDatabaseResult> {
  const given = env[benchDatabaseUrlVariable];
  let serverUrl: string;
  let origin: string;
  let stopServer: () => void = () => undefined;
  if (given) {
    serverUrl = given;
    const u = new URL(given);
    u.password = '';
    origin = `${benchDatabaseUrlVariable} (${u.host})`;
  } else {
    if (cluster.findPostgresBin() === null) {
      return { ok: false, reason: `PostgreSQL is not installed (no initdb found); install it with \`apt-get install -y postgresql\`, or set ${benchDatabaseUrlVariable} to a server where the user may create databases` };
    }
    try {
      const started = await cluster.startThrowawayCluster({ settings: benchClusterSettings });
      serverUrl = started.url;
      origin = 'a throwaway cluster on loopback';
      stopServer = started.stop;
    } catch (err) {
      return { ok: false, reason: `could not start a throwaway PostgreSQL cluster: ${firstLine(err)}` };
    }
  }
  const name = `collector_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    // Figures from two servers are only comparable knowing what each was; asked before anything is made.
    const { rows } = await onServer(serverUrl, (c) => c.query<{ version: string; buffers: string }>(`SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS buffers`));
    origin += rows[0] ? `, PostgreSQL ${rows[0].version}, shared_buffers ${rows[0].buffers}` : '';
    await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  } catch (err) {
    stopServer();
    return { ok: false, reason: `could not create the bench's database on ${origin}: ${firstLine(err)}` };
  }
  return {
    ok: true,
    database: {
      url: onDatabase(serverUrl, name),
      origin,
      release: async () => {
        try {
          await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`));
        } finally {
          stopServer();
        }
      }
    }
  };
}
