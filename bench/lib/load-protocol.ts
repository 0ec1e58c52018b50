import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/**
 * The contract between the bench section (which runs the collector) and the load generator it
 * spawns as a second process: the plan goes in as one argv JSON, the result comes back as one
 * stdout JSON. Both sides parse with these schemas.
 */
export const loadPlanSchema = z.strictObject({
  /** The collector's base URL on loopback. */
  url: z.url(),
  /** Requests sent before timing starts, so neither side is measured while its JIT warms up. */
  warmup: z.number().int().min(0),
  requests: z.number().int().min(1),
  /** Requests in flight at once, each on its own keep-alive connection. */
  concurrency: z.number().int().min(1).max(1024),
  /** Distinct installations the reports come from; the collector rate-limits per installation. */
  installations: z.number().int().min(1),
  seed: z.number().int()
});
export type LoadPlan = z.infer<typeof loadPlanSchema>;

export const loadResultSchema = z.strictObject({
  requests: z.number().int(),
  /** Response status -> how many, over the timed requests. */
  statuses: z.record(z.string(), z.number().int()),
  /** Transport failures (reset, refused), over the timed requests. */
  networkErrors: z.number().int(),
  durationMs: z.number(),
  p50Ms: z.number(),
  p90Ms: z.number(),
  p99Ms: z.number(),
  maxMs: z.number()
});
export type LoadResult = z.infer<typeof loadResultSchema>;

/** Marks the load generator's stage lines on stderr (collector-load.ts writes them). */
export const stagePrefix = 'load-stage: ';

/**
 * Spawns the load generator in a second Node process and waits for its result. Two guards, so a
 * stuck run is named and ended instead of holding the bench silently: the whole run is bounded by
 * `timeoutMs`, and a generator that reports no new stage for `stallMs` is killed, with the last stage
 * it reached in the error (a hang before any connection was seen once and never explained).
 */
export function runLoadProcess(plan: LoadPlan, options: { timeoutMs?: number; stallMs?: number } = {}): Promise<LoadResult> {
  const { timeoutMs = 15 * 60_000, stallMs = 3 * 60_000 } = options;
  const script = join(__dirname, 'collector-load.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, script, JSON.stringify(loadPlanSchema.parse(plan))], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    let lastStage = 'spawned (no stage reported yet)';
    const fail = (message: string) => {
      child.kill('SIGKILL');
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail(`load generator did not finish within ${timeoutMs / 1000} s; last stage: ${lastStage}`), timeoutMs);
    let stall = setTimeout(() => fail(`load generator reported nothing for ${stallMs / 1000} s; last stage: ${lastStage}`), stallMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const stages = chunk.split('\n').filter((line) => line.startsWith(stagePrefix));
      if (stages.length === 0) return;
      lastStage = (stages.at(-1) ?? '').slice(stagePrefix.length);
      clearTimeout(stall);
      stall = setTimeout(() => fail(`load generator reported nothing for ${stallMs / 1000} s; last stage: ${lastStage}`), stallMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(stall);
      if (code !== 0) return reject(new Error(`load generator exited with ${code ?? signal}: ${err.trim().slice(-2000)}`));
      try {
        resolve(loadResultSchema.parse(JSON.parse(out)));
      } catch (parseErr) {
        reject(new Error(`load generator printed no valid result (${parseErr instanceof Error ? parseErr.message : String(parseErr)}): ${out.slice(0, 500)}`));
      }
    });
  });
}
