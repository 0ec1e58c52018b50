import path from 'node:path';
import { z } from 'zod';

/**
 * The runner's command line. Everything has an embedded default so `npm start` needs nothing;
 * the flags exist for `--reset` and for the Playwright fixture (free port, temp data, fixture UI).
 */
export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface RunnerOptions {
  port: number;
  dataDir: string;
  reset: boolean;
  /** Keep the KVS in memory (the collector's SQLite file still lives in dataDir). */
  memory: boolean;
  /** Frame this folder instead of the manifest's built resource. */
  resourceDir?: string;
  manifestPath: string;
}

const portSchema = z.coerce.number().int().min(0).max(65535);

export function parseRunnerArgs(argv: readonly string[], env: NodeJS.ProcessEnv): RunnerOptions {
  const options: RunnerOptions = {
    port: portSchema.parse(env.PORT ?? 3000),
    dataDir: path.join(REPO_ROOT, '.data'),
    reset: false,
    memory: false,
    manifestPath: path.join(REPO_ROOT, 'manifest.yml')
  };
  const args = [...argv];
  while (args.length > 0) {
    const flag = args.shift();
    const value = () => {
      const next = args.shift();
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--reset') options.reset = true;
    else if (flag === '--memory') options.memory = true;
    else if (flag === '--port') options.port = portSchema.parse(value());
    else if (flag === '--data-dir') options.dataDir = path.resolve(value());
    else if (flag === '--resource-dir') options.resourceDir = path.resolve(value());
    else if (flag === '--manifest') options.manifestPath = path.resolve(value());
    else throw new Error(`Unknown option ${flag}. Options: --reset, --port <n>, --data-dir <dir>, --memory, --resource-dir <dir>, --manifest <file>`);
  }
  return options;
}
