import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { percentile } from '../lib/stats';

/**
 * The app as Forge would deploy it: the size of the @forge/bundler bundle (scripts/forge-bundle.cjs,
 * built fresh so the figures describe the current source) and its cold start, the time from a new
 * Node process starting to the bundle's handler exports being there, which every cold invocation pays.
 */
const REPO_ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(REPO_ROOT, 'apps/reference/.forge-build/index.cjs');
const progress = (line: string) => process.stderr.write(`  forge-bundle: ${line}\n`);

const buildSchema = z.object({ bytes: z.number(), mapBytes: z.number(), ms: z.number() });

// Runs in the child: performance.now() counts from the process's own start, so Node's boot is in the
// figure and the parent's spawn overhead is not.
const COLD_START_PROBE = `
const exported = require(${JSON.stringify(BUNDLE)});
const ms = performance.now();
if (typeof exported.resolver !== 'function') throw new Error('the bundle exports no resolver');
process.stdout.write(String(ms));
`;

export async function run({ quick }: { quick: boolean }): Promise<Record<string, number>> {
  const build = buildBundle();
  progress(`${build.bytes} bytes (+ ${build.mapBytes} of source maps), built in ${(build.ms / 1000).toFixed(1)} s`);
  const samples = Array.from({ length: quick ? 3 : 7 }, coldStartMs).sort((a, b) => a - b);
  const median = percentile(samples, 50);
  progress(`cold start median ${median.toFixed(0)} ms over ${samples.length} processes`);
  return { forge_bundle_bytes: build.bytes, forge_bundle_build_ms: build.ms, forge_bundle_cold_start_ms: Math.round(median) };
}

function buildBundle(): z.infer<typeof buildSchema> {
  const built = spawnSync(process.execPath, ['scripts/forge-bundle.cjs', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the Forge bundle failed to build (exit ${built.status ?? built.signal}): ${built.stderr}`);
  return buildSchema.parse(JSON.parse(built.stdout));
}

function coldStartMs(): number {
  const probe = spawnSync(process.execPath, ['-e', COLD_START_PROBE], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`requiring the bundle failed (exit ${probe.status ?? probe.signal}): ${probe.stderr}`);
  return Number(probe.stdout);
}
