import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector } from '../../collector/server';
import { SqliteStore } from '../../collector/store/sqlite-store';
import { runLoadProcess, type LoadResult } from '../lib/load-protocol';
import { seedStore } from '../lib/seed-store';

/**
 * The collector's ingest throughput and p99 latency: the collector runs in this process on a SQLite
 * file, a second process POSTs valid reports over loopback with many requests in flight. Measured
 * twice on the same file: holding 10,000 reports, then 1,000,000 (seeded through the store's bulk
 * loader). --quick seeds 100,000 for the large case and says so in `collector_stored_rows_large`.
 */
const progress = (line: string) => process.stderr.write(`  collector: ${line}\n`);

interface Phase {
  storedRows: number;
  load: LoadResult;
  foldSeconds: number;
}

async function measure(dbPath: string, plan: { warmup: number; requests: number; concurrency: number }, seed: number): Promise<Phase> {
  const storedRows = await countRows(dbPath);
  // Retention is effectively off during the run: only the start-up pass folds, and it is awaited below.
  const collector = await startCollector({ port: 0, dbPath, retentionIntervalMs: 24 * 60 * 60 * 1000 });
  try {
    // The start-up retention pass folds every day the seed touched; let it finish so it is not measured as ingest.
    const t0 = performance.now();
    await collector.runRetention();
    const foldSeconds = (performance.now() - t0) / 1000;
    progress(`${storedRows} stored: folded into aggregates in ${foldSeconds.toFixed(1)} s; ${plan.requests} timed requests, ${plan.concurrency} in flight…`);
    const total = plan.warmup + plan.requests;
    // ≤ 20 reports per installation: under the per-installation limit, which stays on and is measured with the rest.
    const load = await runLoadProcess({ url: collector.url, ...plan, installations: Math.ceil(total / 20), seed });
    const created = load.statuses['201'] ?? 0;
    if (created !== load.requests || load.networkErrors > 0) {
      throw new Error(`the collector did not store every timed report: statuses ${JSON.stringify(load.statuses)}, network errors ${load.networkErrors}`);
    }
    progress(`${Math.round(created / (load.durationMs / 1000))} reports/s, p50 ${load.p50Ms.toFixed(2)} ms, p99 ${load.p99Ms.toFixed(2)} ms, max ${load.maxMs.toFixed(1)} ms`);
    return { storedRows, load, foldSeconds };
  } finally {
    await collector.close();
  }
}

async function countRows(dbPath: string): Promise<number> {
  const store = new SqliteStore(dbPath);
  try {
    return await store.countReports();
  } finally {
    await store.close();
  }
}

async function seedTo(dbPath: string, target: number, seed: number): Promise<void> {
  const store = new SqliteStore(dbPath);
  try {
    const have = await store.countReports();
    if (have >= target) return;
    const t0 = performance.now();
    seedStore(store, { count: target - have, installations: 10_000, now: new Date(), spanDays: 728, seed });
    progress(`seeded ${target - have} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }
}

export async function run({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  const small = 10_000;
  const large = quick ? 100_000 : 1_000_000;
  const plan = quick ? { warmup: 500, requests: 3_000, concurrency: 32 } : { warmup: 2_000, requests: 20_000, concurrency: 32 };
  if (quick) progress(`--quick: the "1m_rows" figures are measured at ${large} stored reports (see collector_stored_rows_large)`);
  const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
  const dbPath = join(dir, 'collector.db');
  try {
    await seedTo(dbPath, small, 1);
    const a = await measure(dbPath, plan, 2);
    await seedTo(dbPath, large, 3);
    const b = await measure(dbPath, plan, 4);
    const perSecond = (p: Phase) => p.load.requests / (p.load.durationMs / 1000);
    return {
      collector_ingest_per_s: perSecond(a),
      collector_p99_ms: a.load.p99Ms,
      collector_ingest_per_s_1m_rows: perSecond(b),
      collector_p99_ms_1m_rows: b.load.p99Ms,
      collector_p50_ms: a.load.p50Ms,
      collector_p50_ms_1m_rows: b.load.p50Ms,
      collector_stored_rows_small: a.storedRows,
      collector_stored_rows_large: b.storedRows,
      collector_retention_fold_s_1m_rows: b.foldSeconds,
      collector_db_mib_1m_rows: statSync(dbPath).size / (1024 * 1024)
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
