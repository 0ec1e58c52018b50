import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Stages the generator reports before it sends its first request: a stall there measured nothing yet. */
const beforeFirstRequest = (stage: string) => stage === spawnedStage || stage === 'started';
const spawnedStage = 'spawned (no stage reported yet)';

/** A generator that stopped reporting stages; `diagnosis` is what its Node diagnostic report showed. */
export class LoadStall extends Error {
  constructor(
    readonly lastStage: string,
    readonly diagnosis: string,
    stallMs: number
  ) {
    super(`load generator reported nothing for ${stallMs / 1000} s; last stage: ${lastStage}${diagnosis ? `\n${diagnosis}` : ''}`);
  }
}

/**
 * Runs the load generator; a run that stalls before its first request (a hang seen a few times in
 * hundreds of runs, always right after start, never reproduced alone) is retried once, and the
 * retry is announced through `onRetry`, so a figure never hides that it took a second start.
 * A stall after requests went out is never retried: its figures would be half of one run.
 */
export async function runLoadProcess(plan: LoadPlan, options: LoadOptions = {}): Promise<LoadResult> {
  try {
    return await runLoadProcessOnce(plan, options);
  } catch (err) {
    if (!(err instanceof LoadStall) || !beforeFirstRequest(err.lastStage)) throw err;
    options.onRetry?.(err);
    return runLoadProcessOnce(plan, options);
  }
}

export interface LoadOptions {
  timeoutMs?: number;
  /** No new stage for this long after requests began is a stall. */
  stallMs?: number;
  /** No new stage for this long before the first request is a stall (start-up takes a few seconds). */
  startStallMs?: number;
  onRetry?: (stall: LoadStall) => void;
}

/**
 * Spawns the load generator in a second Node process and waits for its result. Two guards, so a
 * stuck run is named and ended instead of holding the bench silently: the whole run is bounded by
 * `timeoutMs`, and a generator that reports no new stage for the stall time is killed, with the last
 * stage it reached and, from a Node diagnostic report taken just before the kill, where its main
 * thread stood and what it was waiting on.
 */
export function runLoadProcessOnce(plan: LoadPlan, options: LoadOptions = {}): Promise<LoadResult> {
  const { timeoutMs = 15 * 60_000, stallMs = 3 * 60_000, startStallMs = 60_000 } = options;
  const script = join(__dirname, 'collector-load.ts');
  const reportDir = mkdtempSync(join(tmpdir(), 'load-report-'));
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--report-on-signal', `--report-directory=${reportDir}`, '--import', pathToFileURL(require.resolve('tsx')).href, script, JSON.stringify(loadPlanSchema.parse(plan))],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let out = '';
    let err = '';
    let lastStage = spawnedStage;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(stall);
      child.kill('SIGKILL');
      reject(error);
    };
    const onStall = () => {
      const waited = beforeFirstRequest(lastStage) ? startStallMs : stallMs;
      void diagnose(child, reportDir).then((diagnosis) => fail(new LoadStall(lastStage, diagnosis, waited)));
    };
    const armStall = () => setTimeout(onStall, beforeFirstRequest(lastStage) ? startStallMs : stallMs);
    const timer = setTimeout(() => fail(new Error(`load generator did not finish within ${timeoutMs / 1000} s; last stage: ${lastStage}`)), timeoutMs);
    let stall = armStall();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
      const stages = chunk.split('\n').filter((line) => line.startsWith(stagePrefix));
      if (stages.length === 0) return;
      lastStage = (stages.at(-1) ?? '').slice(stagePrefix.length);
      clearTimeout(stall);
      stall = armStall();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(stall);
      if (code !== 0) return reject(new Error(`load generator exited with ${code ?? signal}: ${err.trim().slice(-2000)}`));
      try {
        resolve(loadResultSchema.parse(JSON.parse(out)));
      } catch (parseErr) {
        reject(new Error(`load generator printed no valid result (${parseErr instanceof Error ? parseErr.message : String(parseErr)}): ${out.slice(0, 500)}`));
      }
    });
  }).finally(() => rmSync(reportDir, { recursive: true, force: true }));
}

/**
 * Asks the stuck generator for a Node diagnostic report (SIGUSR2, --report-on-signal) and sums up
 * its main thread's JavaScript stack and its libuv handles. Empty when no report came within 5 s,
 * which itself says the main thread could not be interrupted.
 */
async function diagnose(child: ChildProcess, reportDir: string): Promise<string> {
  if (child.exitCode !== null || !child.kill('SIGUSR2')) return '';
  for (let waited = 0; waited < 5000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    const file = readdirSync(reportDir).find((f) => f.endsWith('.json'));
    if (!file) continue;
    try {
      const report = diagnosticReportSchema.parse(JSON.parse(readFileSync(join(reportDir, file), 'utf8')));
      const handles = report.libuv.filter((h) => h.is_active).map((h) => h.type);
      return [`  its JavaScript stack: ${report.javascriptStack.message}`, ...report.javascriptStack.stack.slice(0, 12).map((l) => `    ${l.trim()}`), `  its active libuv handles: ${handles.join(', ') || 'none'}`].join('\n');
    } catch {
      // Still being written; the next poll reads it whole.
    }
  }
  return '  (no diagnostic report within 5 s: the main thread could not be interrupted)';
}

const diagnosticReportSchema = z.object({
  javascriptStack: z.object({ message: z.string(), stack: z.array(z.string()).default([]) }),
  libuv: z.array(z.object({ type: z.string(), is_active: z.boolean().optional() }))
});
