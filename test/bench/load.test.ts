import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { LoadStall, runLoadProcess, type LoadPlan, type LoadResult } from '../../bench/lib/load-protocol';
import { startCollector, type StartCollectorOptions } from '@usage-reporting/collector';
import { SqliteStore } from '@usage-reporting/collector';

/** Runs the generator against a collector on a fresh file; returns its result and what the file then holds. */
async function loadAgainstCollector(plan: Omit<LoadPlan, 'url'>, options: Partial<StartCollectorOptions> = {}): Promise<{ result: LoadResult; stored: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const dbPath = join(dir, 'collector.db');
  try {
    const collector = await startCollector({ ...options, port: 0, dbPath });
    let result: LoadResult;
    try {
      result = await runLoadProcess({ url: collector.url, ...plan });
    } finally {
      await collector.close();
    }
    const store = new SqliteStore(dbPath);
    const stored = await store.countReports();
    await store.close();
    return { result, stored };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the load generator process', () => {
  it('sends valid reports from a second process over loopback and reports every status and the latency percentiles', async () => {
    const { result, stored } = await loadAgainstCollector({ warmup: 20, requests: 200, concurrency: 8, installations: 20, seed: 1 });
    expect(result.statuses).toEqual({ '201': 200 });
    expect(result.networkErrors).toBe(0);
    expect(result.p50Ms).toBeGreaterThan(0);
    expect(result.p50Ms).toBeLessThanOrEqual(result.p99Ms);
    expect(result.p99Ms).toBeLessThanOrEqual(result.maxMs);
    // Warm-up and timed reports were all stored: the collector, not the generator, decides what counts.
    expect(stored).toBe(220);
  }, 60_000);

  it('counts refusals instead of hiding them: the per-installation limit answers 429 past the burst', async () => {
    // One installation, 20 timed reports after 5 warm-up ones: the burst is spent before timing starts.
    const { result, stored } = await loadAgainstCollector(
      { warmup: 5, requests: 20, concurrency: 2, installations: 1, seed: 2 },
      { ingestRateLimit: { capacity: 5, perHour: 1 } }
    );
    expect(result.statuses).toEqual({ '429': 20 });
    expect(stored).toBe(5);
  }, 60_000);

  it('names a stall and shows where the generator stood: a server that takes connections and never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const retries: LoadStall[] = [];
    try {
      const run = runLoadProcess({ url: `http://127.0.0.1:${port}`, warmup: 4, requests: 4, concurrency: 2, installations: 1, seed: 3 }, { stallMs: 3000, onRetry: (s) => retries.push(s) });
      const stall = await run.then(() => undefined, (err: unknown) => err);
      expect(stall).toBeInstanceOf(LoadStall);
      expect(stall).toMatchObject({ lastStage: 'warm-up signed (4 requests)' });
      // Its requests were waiting on sockets: the diagnostic report lists them.
      expect((stall as LoadStall).diagnosis).toMatch(/active libuv handles: .*tcp/);
      // Requests had gone out, so its figures would be half a run: never retried.
      expect(retries).toEqual([]);
    } finally {
      silent.close();
    }
  }, 60_000);
});
