import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector, type RunningCollector } from '@usage-reporting/collector';
import { SqliteStore } from '@usage-reporting/collector';
import { runLoadProcess, type LoadResult } from '../lib/load-protocol';
import { seedStore } from '../lib/seed-store';

/**
 * The collector's ingest throughput and p99 latency: the collector runs in this process on a SQLite
 * file, a second process POSTs valid reports over loopback with many requests in flight. Measured
 * on the same file holding 10,000 reports, then 1,000,000 (seeded through the store's bulk loader),
 * and at 1,000,000 once more while the retention job refolds every day (as after a restart or a
 * restored backup). --quick seeds 100,000 for the large case and says so in `collector_stored_rows_large`.
 */
const progress = (line: string) => process.stderr.write(`  collector: ${line}\n`);

type Plan = { warmup: number; requests: number; concurrency: number };

interface Phase {
  storedRows: number;
  load: LoadResult;
  foldSeconds: number;
  duringFold?: LoadResult;
  /** The longest the refold held the event loop without yielding, during the load. */
  refoldLongestStepMs?: number;
}

const perSecond = (load: LoadResult) => load.requests / (load.durationMs / 1000);

async function load(collector: RunningCollector, plan: Plan, seed: number, label: string): Promise<LoadResult> {
  const total = plan.warmup + plan.requests;
  // ≤ 20 reports per installation: under the per-installation limit, which stays on and is measured with the rest.
  const result = await runLoadProcess(
    { url: collector.url, ...plan, installations: Math.ceil(total / 20), seed },
    { onRetry: (stall) => progress(`${label}: the load generator stalled before its first request and was started again (${stall.message})`) }
  );
  const created = result.statuses['201'] ?? 0;
  if (created !== result.requests || result.networkErrors > 0) {
    throw new Error(`the collector did not store every timed report: statuses ${JSON.stringify(result.statuses)}, network errors ${result.networkErrors}`);
  }
  progress(`${label}: ${Math.round(perSecond(result))} reports/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(1)} ms`);
  return result;
}

/** Marks every day holding reports as changed, so the next retention pass refolds them all. */
async function markEveryDayChanged(dbPath: string): Promise<void> {
  const store = new SqliteStore(dbPath);
  try {
    store.db
      .prepare(
        `INSERT INTO dirty_days (day, generation) SELECT DISTINCT substr(received_at, 1, 10), 1 FROM reports WHERE true
         ON CONFLICT (day) DO UPDATE SET generation = generation + 1`
      )
      .run();
  } finally {
    await store.close();
  }
}

async function measure(dbPath: string, plan: Plan, seed: number, options: { alsoDuringFold: boolean }): Promise<Phase> {
  const storedRows = await countRows(dbPath);
  // The timer is set far out: only the passes this function starts run while it measures.
  const collector = await startCollector({ port: 0, dbPath, retentionIntervalMs: 24 * 60 * 60 * 1000 });
  try {
    // The start-up pass folds every day the seed touched; it finishes before the steady-state load.
    const t0 = performance.now();
    await collector.runRetention();
    const foldSeconds = (performance.now() - t0) / 1000;
    progress(`${storedRows} stored: folded into aggregates in ${foldSeconds.toFixed(1)} s; ${plan.requests} timed requests, ${plan.concurrency} in flight…`);
    const steady = await load(collector, plan, seed, `${storedRows} stored`);
    if (!options.alsoDuringFold) return { storedRows, load: steady, foldSeconds };

    await markEveryDayChanged(dbPath);
    const refoldStarted = performance.now();
    let foldEnded = Number.POSITIVE_INFINITY;
    const fold = collector.runRetention().then((outcome) => {
      foldEnded = performance.now();
      return outcome;
    });
    const during = await load(collector, plan, seed + 1, `${storedRows} stored, while every day is refolded`);
    const loadEnded = performance.now();
    const refold = await fold;
    progress(
      `the refold took ${((foldEnded - refoldStarted) / 1000).toFixed(1)} s (longest step without yielding ${refold.longestStepMs.toFixed(0)} ms), the load under it ${((loadEnded - refoldStarted) / 1000).toFixed(1)} s`
    );
    if (foldEnded < loadEnded) progress(`note: the refold ended ${((loadEnded - foldEnded) / 1000).toFixed(1)} s before the load did; part of that load ran without it`);
    return { storedRows, load: steady, foldSeconds, duringFold: during, refoldLongestStepMs: refold.longestStepMs };
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
    // A large page cache for the seeding connection only: random-key index inserts into a growing file
    // otherwise re-read pages constantly. The collector measured afterwards opens its own connection with its defaults.
    store.db.pragma('cache_size = -262144');
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
  const plan: Plan = quick ? { warmup: 500, requests: 3_000, concurrency: 32 } : { warmup: 2_000, requests: 20_000, concurrency: 32 };
  if (quick) progress(`--quick: the "1m_rows" figures are measured at ${large} stored reports (see collector_stored_rows_large)`);
  const dir = mkdtempSync(join(tmpdir(), 'collector-bench-'));
  const dbPath = join(dir, 'collector.db');
  try {
    await seedTo(dbPath, small, 1);
    const a = await measure(dbPath, plan, 2, { alsoDuringFold: false });
    await seedTo(dbPath, large, 3);
    const b = await measure(dbPath, plan, 4, { alsoDuringFold: true });
    if (!b.duringFold || b.refoldLongestStepMs === undefined) throw new Error('the large phase did not measure ingest during a refold');
    return {
      collector_ingest_per_s: perSecond(a.load),
      collector_p99_ms: a.load.p99Ms,
      collector_ingest_per_s_1m_rows: perSecond(b.load),
      collector_p99_ms_1m_rows: b.load.p99Ms,
      collector_p50_ms: a.load.p50Ms,
      collector_p50_ms_1m_rows: b.load.p50Ms,
      collector_ingest_per_s_1m_rows_during_fold: perSecond(b.duringFold),
      collector_p99_ms_1m_rows_during_fold: b.duringFold.p99Ms,
      collector_max_ms_1m_rows_during_fold: b.duringFold.maxMs,
      collector_fold_longest_step_ms_1m_rows: b.refoldLongestStepMs,
      collector_stored_rows_small: a.storedRows,
      collector_stored_rows_large: b.storedRows,
      collector_retention_fold_s_1m_rows: b.foldSeconds,
      collector_db_mib_1m_rows: statSync(dbPath).size / (1024 * 1024)
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
