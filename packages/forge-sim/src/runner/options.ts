import path from 'node:path';
import { z } from 'zod';
import { MAX_SITE_SIZE, MIN_SITE_SIZE } from '../site/shape.js';

/**
 * The runner's command line. Everything has an embedded default so `npm start` needs nothing;
 * the flags exist for `--reset` and for the Playwright fixture (free port, temp data, seed, fixture UI).
 */
/** The app the runner runs by default: the working directory, as for `forge deploy` (npm start runs in the app's directory). */
export const APP_DIR = process.cwd();
/** @deprecated Since 0.1.0 the default app directory is named APP_DIR; this alias goes in 1.0. */
export const REPO_ROOT = APP_DIR;

export interface RunnerOptions {
  port: number;
  dataDir: string;
  reset: boolean;
  /** Keep the KVS in memory (the collector's SQLite file still lives in dataDir). */
  memory: boolean;
  /** Frame this folder instead of the manifest's built resource. */
  resourceDir?: string;
  manifestPath: string;
  /** The app's directory: its handler modules and .forge-build/. Default: the working directory. */
  appDir?: string;
  /** A JSON seed file (see seed.ts) written to the KVS before the app runs. */
  seedFile?: string;
  /** Projects (Jira) or spaces (Confluence) on the simulated site; the platform's default when unset. */
  siteSize?: number;
}

export const USAGE = [
  'Usage: npm start -- [options]',
  '  --reset              start clean: delete the data folder first',
  '  --port <n>           listen on this port (default: $PORT, else 3000; 0 picks a free one)',
  '  --data-dir <dir>     keep the KVS and the collector database here (default: .data/)',
  '  --memory             keep the KVS in memory (nothing survives a restart)',
  '  --seed <file.json>   write these KVS entries before the app runs: {"values": {...}, "secrets": {...}}',
  `  --site-size <n>      projects or spaces on the simulated site (${MIN_SITE_SIZE} to ${MAX_SITE_SIZE}, default 25)`,
  '  --resource-dir <dir> frame this built Custom UI instead of the manifest resource',
  '  --manifest <file>    run the app described by this manifest (default: manifest.yml)'
].join('\n');

export type ParsedArgs = { ok: true; options: RunnerOptions } | { ok: true; help: true } | { ok: false; message: string };

const portSchema = z.coerce.number().int().min(0).max(65535);
const siteSizeSchema = z.coerce.number().int().min(MIN_SITE_SIZE).max(MAX_SITE_SIZE);

export function parseRunnerArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const envPort = portSchema.safeParse(env.PORT ?? 3000);
  if (!envPort.success) return { ok: false, message: `PORT=${env.PORT} is not a port number (0–65535).` };
  const options: RunnerOptions = {
    port: envPort.data,
    dataDir: path.join(APP_DIR, '.data'),
    reset: false,
    memory: false,
    manifestPath: path.join(APP_DIR, 'manifest.yml')
  };
  const args = [...argv];
  while (args.length > 0) {
    const flag = args.shift() ?? '';
    if (flag === '--help' || flag === '-h') return { ok: true, help: true };
    if (flag === '--reset') options.reset = true;
    else if (flag === '--memory') options.memory = true;
    else if (['--port', '--data-dir', '--resource-dir', '--manifest', '--seed', '--site-size'].includes(flag)) {
      const value = args.shift();
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${flag} needs a value.\n${USAGE}` };
      if (flag === '--port') {
        const port = portSchema.safeParse(value);
        if (!port.success) return { ok: false, message: `--port ${value} is not a port number (0–65535).` };
        options.port = port.data;
      } else if (flag === '--site-size') {
        const size = siteSizeSchema.safeParse(value);
        if (!size.success) return { ok: false, message: `--site-size ${value} is not a whole number from ${MIN_SITE_SIZE} to ${MAX_SITE_SIZE}.` };
        options.siteSize = size.data;
      } else if (flag === '--data-dir') options.dataDir = path.resolve(value);
      else if (flag === '--resource-dir') options.resourceDir = path.resolve(value);
      else if (flag === '--manifest') options.manifestPath = path.resolve(value);
      else options.seedFile = path.resolve(value);
    } else return { ok: false, message: `Unknown option ${flag}.\n${USAGE}` };
  }
  return { ok: true, options };
}
