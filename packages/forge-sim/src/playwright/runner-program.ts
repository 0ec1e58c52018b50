import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../layout/index.js';

/**
 * How to start the local runner (runner/main) as a program: `node <args>`.
 *
 * From the package's sources where they are (the repository that develops it, which has tsx), so a
 * test there runs the code beside it rather than a build that may be stale; else from the build,
 * which is all an installed package has of the runner.
 */
export function runnerProgramArgs(): string[] {
  const source = path.join(packageRoot, 'src', 'runner', 'main.ts');
  if (existsSync(source)) return ['--import', 'tsx', source];
  const built = path.join(packageRoot, 'dist', 'runner', 'main.js');
  if (!existsSync(built)) throw new Error(`@usage-reporting/forge-sim has neither its runner's sources nor its build (${built}).`);
  return [built];
}
