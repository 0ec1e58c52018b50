import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { CounterSnapshot } from '../counters.js';
import { parseSeed, type SeedInput } from '../runner/seed.js';
import { runnerProgramArgs } from './runner-program.js';

/**
 * The local runner as a child process on a free port, with a fresh temp data folder and its KVS in
 * memory: the platform running the app's Forge bundle (.forge-build/ in `appDir`), the bridge host
 * framing its Custom UI, and a collector: the app's egress target when the manifest declares its one
 * backend egress entry (direct delivery), otherwise reached only by the browser, on its upload page.
 * A process of its own, so the app's modules and the SDKs' globals start fresh for every runner.
 *
 *   const runner = await startRunnerProcess({ appDir: '/path/to/app', seed: { values: { 'usage-reporting:consent': { ... } } } });
 *   await page.goto(runner.url);
 *   const { invocations } = await runner.counters();   // what the page cost, from zero at start
 *   await runner.stop();
 */
export interface RunnerProcessOptions {
  /** The Forge app's directory: its manifest.yml, its built Custom UI and its .forge-build/. Default: the working directory. */
  appDir?: string;
  /** Run the app under this manifest instead of `appDir`'s manifest.yml. */
  manifestPath?: string;
  /** Frame this built Custom UI instead of the manifest's resource. */
  resourceDir?: string;
  /**
   * KVS entries written before the app runs, standing for an installation that already exists: the
   * installed event is not sent. Validated before start.
   */
  seed?: SeedInput;
  /** Projects (Jira) or spaces (Confluence) on the simulated site. */
  siteSize?: number;
  /** How long the runner may take to report ready. Default 45 s. */
  readyTimeoutMs?: number;
}

export interface RunnerProcess {
  /** The product page, e.g. http://localhost:41234/ */
  url: string;
  /** The collector standing in for the manifest's analytics host; undefined when it declares none. */
  collectorUrl: string | undefined;
  dataDir: string;
  /** The platform's counters (invocations, KVS, product and egress calls) since the runner was ready. */
  counters(): Promise<CounterSnapshot>;
  /** Everything the runner printed so far (CSP violations and app errors appear here). */
  output(): string;
  stop(): Promise<void>;
}

const readySchema = z.object({ url: z.string().url(), collectorUrl: z.string().url().optional() });
const DEFAULT_READY_TIMEOUT_MS = 45_000;

const countersSchema = z.object({
  invocations: z.record(z.string(), z.number()),
  kvs: z.record(z.string(), z.number()),
  product: z.record(z.string(), z.number()),
  egress: z.record(z.string(), z.number())
});

export async function startRunnerProcess(options: RunnerProcessOptions = {}): Promise<RunnerProcess> {
  // A malformed seed is the test's mistake: say so here, not as a runner that never became ready.
  const seed = options.seed === undefined ? undefined : parseSeed(options.seed, 'The seed option');
  if (seed && !seed.ok) throw new Error(seed.message);
  const appDir = path.resolve(options.appDir ?? process.cwd());
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'forge-sim-runner-'));
  const dataDir = path.join(tempDir, 'data');
  const args = [...runnerProgramArgs(), '--port', '0', '--data-dir', dataDir, '--memory'];
  if (options.manifestPath) args.push('--manifest', path.resolve(appDir, options.manifestPath));
  if (options.resourceDir) args.push('--resource-dir', path.resolve(appDir, options.resourceDir));
  if (options.siteSize !== undefined) args.push('--site-size', String(options.siteSize));
  if (seed) {
    const seedFile = path.join(tempDir, 'seed.json');
    await writeFile(seedFile, JSON.stringify(seed.value));
    args.push('--seed', seedFile);
  }
  // The runner takes the app from its working directory, as `forge deploy` does.
  const child = spawn(process.execPath, args, { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '0', RUNNER_READY_LINE: '1' } });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  try {
    const ready = await waitForReady(child, () => output, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    const counters = async () => {
      const response = await fetch(new URL('/__host/api/counters', ready.url));
      if (!response.ok) throw new Error(`counters: HTTP ${response.status}`);
      return countersSchema.parse(await response.json());
    };
    return { url: ready.url, collectorUrl: ready.collectorUrl, dataDir, counters, output: () => output, stop: () => stop(child, tempDir) };
  } catch (error) {
    await stop(child, tempDir);
    throw error;
  }
}

function waitForReady(child: ChildProcess, output: () => string, timeoutMs: number): Promise<z.infer<typeof readySchema>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`the runner did not report ready within ${timeoutMs / 1000}s`), timeoutMs);
    const onData = () => {
      const line = output().split('\n').find((l) => l.startsWith('RUNNER_READY '));
      if (!line) return;
      cleanup();
      const parsed = readySchema.safeParse(JSON.parse(line.slice('RUNNER_READY '.length)));
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`Unreadable RUNNER_READY line: ${line}`));
    };
    const onExit = (code: number | null) => fail(`the runner exited (code ${code}) before it was ready`);
    function fail(reason: string) {
      cleanup();
      reject(new Error(`${reason}. Its output:\n${output()}`));
    }
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stop(child: ChildProcess, tempDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    await Promise.race([exited, timeout]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await rm(tempDir, { recursive: true, force: true });
}
