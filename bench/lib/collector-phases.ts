import { startCollector } from '@usage-reporting/collector';
import { startBareIngest } from './bare-ingest';
import type { EngineUnderBench } from './engine-under-bench';
import { runLoadProcess, type LoadResult } from './load-protocol';

/**
 * The collector section's measurements on one engine: ingest with the store as it stands, ingest
 * while the retention job refolds every day, and the bare route on the same engine with the same
 * load. Each runs the load generator in a second process (collector-load.ts).
 */
export type Plan = { warmup: number; requests: number; concurrency: number };
export type Progress = (line: string) => void;

export interface Phase {
  storedRows: number;
  load: LoadResult;
  foldSeconds: number;
  duringFold?: LoadResult;
  /** The longest the refold held the event loop without yielding, during the load. */
  refoldLongestStepMs?: number;
}

export const perSecond = (load: Pick<LoadResult, 'requests' | 'durationMs'>) => load.requests / (load.durationMs / 1000);

/** Several runs as one: every request over all their time, so a slow run weighs as long as it lasted. */
export function pooledPerSecond(loads: ReadonlyArray<Pick<LoadResult, 'requests' | 'durationMs'>>): number {
  if (loads.length === 0) throw new RangeError('a rate of no runs');
  return perSecond({ requests: loads.reduce((n, l) => n + l.requests, 0), durationMs: loads.reduce((n, l) => n + l.durationMs, 0) });
}

async function load(url: string, plan: Plan, seed: number, label: string, progress: Progress): Promise<LoadResult> {
  const total = plan.warmup + plan.requests;
  // ≤ 20 reports per installation: under the per-installation limit, which stays on and is measured with the rest.
  const result = await runLoadProcess(
    { url, ...plan, installations: Math.ceil(total / 20), seed },
    { onRetry: (stall) => progress(`${label}: the load generator stalled before its first request and was started again (${stall.message})`) }
  );
  const created = result.statuses['201'] ?? 0;
  if (created !== result.requests || result.networkErrors > 0) {
    throw new Error(`${label}: not every timed report was stored: statuses ${JSON.stringify(result.statuses)}, network errors ${result.networkErrors}`);
  }
  progress(`${label}: ${Math.round(perSecond(result))} reports/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(1)} ms`);
  return result;
}

export async function measureCollector(engine: EngineUnderBench, plan: Plan, seed: number, options: { alsoDuringFold: boolean; progress: Progress }): Promise<Phase> {
  const { progress } = options;
  const storedRows = await engine.countRows();
  const at = `${engine.label}, ${storedRows} stored`;
  // The timer is set far out: only the passes this function starts run while it measures.
  const collector = await startCollector({ port: 0, ...engine.store, retentionIntervalMs: 24 * 60 * 60 * 1000 });
  try {
    // The start-up pass folds every day the seed touched; it finishes before the steady-state load.
    const t0 = performance.now();
    await collector.runRetention();
    const foldSeconds = (performance.now() - t0) / 1000;
    progress(`${at}: folded into aggregates in ${foldSeconds.toFixed(1)} s; ${plan.requests} timed requests, ${plan.concurrency} in flight…`);
    const steady = await load(collector.url, plan, seed, at, progress);
    if (!options.alsoDuringFold) return { storedRows, load: steady, foldSeconds };

    await engine.markEveryDayChanged();
    const refoldStarted = performance.now();
    let foldEnded = Number.POSITIVE_INFINITY;
    const fold = collector.runRetention().then((outcome) => {
      foldEnded = performance.now();
      return outcome;
    });
    const during = await load(collector.url, plan, seed + 1, `${at}, while every day is refolded`, progress);
    const loadEnded = performance.now();
    const refold = await fold;
    progress(
      `${engine.label}: the refold took ${((foldEnded - refoldStarted) / 1000).toFixed(1)} s (longest step without yielding ${refold.longestStepMs.toFixed(0)} ms), the load under it ${((loadEnded - refoldStarted) / 1000).toFixed(1)} s`
    );
    if (foldEnded < loadEnded) progress(`note: the refold ended ${((loadEnded - foldEnded) / 1000).toFixed(1)} s before the load did; part of that load ran without it`);
    return { storedRows, load: steady, foldSeconds, duringFold: during, refoldLongestStepMs: refold.longestStepMs };
  } finally {
    await collector.close();
  }
}

/** The bare route on the engine, with the same plan as the collector's; a seed of its own, so no report id repeats. */
export async function measureBare(engine: EngineUnderBench, plan: Plan, seed: number, progress: Progress): Promise<LoadResult> {
  const table = await engine.bareTable();
  const bare = await startBareIngest(table).catch(async (err: unknown) => {
    await table.close();
    throw err;
  });
  try {
    return await load(bare.url, plan, seed, `${engine.label}, the bare route`, progress);
  } finally {
    await bare.close();
  }
}
