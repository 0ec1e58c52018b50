import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingestPath } from '@usage-reporting/core/collector-api';
import { startBareIngest, type BareRow } from '../../bench/lib/bare-ingest';
import { acquireBenchDatabase } from '../../bench/lib/bench-postgres';
import { runLoadProcess } from '../../bench/lib/load-protocol';
import { sqliteUnderBench } from '../../bench/lib/sqlite-under-bench';

describe('the bare route', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("takes the load generator's signed reports and stores each body's bytes as received, one row per report", async () => {
    const engine = sqliteUnderBench(dir);
    const bare = await startBareIngest(await engine.bareTable());
    let result;
    try {
      result = await runLoadProcess({ url: bare.url, warmup: 10, requests: 100, concurrency: 8, installations: 10, seed: 3 });
    } finally {
      await bare.close();
    }
    expect(result.statuses).toEqual({ '201': 100 });
    const db = new Database(join(dir, 'bare.db'), { readonly: true });
    try {
      const rows = db.prepare('SELECT report_id, installation_id, bytes FROM bare_reports').all() as Array<{ report_id: string; installation_id: string; bytes: string }>;
      expect(rows).toHaveLength(110);
      for (const row of rows) expect(JSON.parse(row.bytes)).toMatchObject({ reportId: row.report_id, installationId: row.installation_id });
    } finally {
      db.close();
    }
  }, 60_000);

  it('checks nothing but that there is an id to insert under', async () => {
    const rows: BareRow[] = [];
    const bare = await startBareIngest({ insert: (row) => void rows.push(row), close: () => Promise.resolve() });
    try {
      const post = (body: string) => fetch(`${bare.url}${ingestPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      // Not a report by any schema, unsigned: stored all the same.
      const odd = '{"reportId":"r-1","installationId":"i-1","fields":{"made.up":42}}';
      expect((await post(odd)).status).toBe(201);
      expect((await post('{"installationId":"i-1"}')).status).toBe(400);
      expect(rows).toEqual([{ reportId: 'r-1', installationId: 'i-1', receivedAt: expect.any(String), bytes: odd }]);
    } finally {
      await bare.close();
    }
  });
});

describe("the bench's PostgreSQL server", () => {
  const env: NodeJS.ProcessEnv = {};

  it('is unavailable without an install, with a one-line reason that says how to install it', async () => {
    const result = await acquireBenchDatabase(env, { findPostgresBin: () => null, startThrowawayCluster: () => Promise.reject(new Error('not called')) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('apt-get install -y postgresql');
    expect(result.reason).toContain('COLLECTOR_BENCH_DATABASE_URL');
    expect(result.reason).not.toContain('\n');
  });

  it("is unavailable, with the cluster's first line of failure, when the throwaway cluster cannot start", async () => {
    const asked: unknown[] = [];
    const result = await acquireBenchDatabase(env, {
      findPostgresBin: () => '/usr/bin',
      startThrowawayCluster: (options) => {
        asked.push(options);
        return Promise.reject(new Error('initdb failed (exit 1): disk full\nmore detail'));
      }
    });
    expect(result).toEqual({ ok: false, reason: 'could not start a throwaway PostgreSQL cluster: initdb failed (exit 1): disk full' });
    // A million rows are measured with PostgreSQL's stock buffers, not the suites' small ones.
    expect(asked).toEqual([{ settings: ['shared_buffers = 128MB'] }]);
  });
});
