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

/** Spawns the load generator in a second Node process and waits for its result; a hung run is killed. */
export function runLoadProcess(plan: LoadPlan, timeoutMs = 15 * 60_000): Promise<LoadResult> {
  const script = join(__dirname, 'collector-load.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, script, JSON.stringify(loadPlanSchema.parse(plan))], {
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load generator did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`load generator exited with ${code ?? signal}: ${err.trim().slice(-2000)}`));
      try {
        resolve(loadResultSchema.parse(JSON.parse(out)));
      } catch (parseErr) {
        reject(new Error(`load generator printed no valid result (${parseErr instanceof Error ? parseErr.message : String(parseErr)}): ${out.slice(0, 500)}`));
      }
    });
  });
}
