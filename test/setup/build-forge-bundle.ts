import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * jest's globalSetup: the integration suites run the app's Forge bundle (createSimPlatform({ app:
 * 'bundle' }), the local runner), so it is rebuilt here whenever it is missing or older than src/,
 * packages/ or its other inputs. Otherwise a suite would pass or fail on yesterday's code.
 */
export default function buildForgeBundle(): void {
  const root = path.resolve(__dirname, '../..');
  const run = spawnSync(process.execPath, ['scripts/forge-bundle.cjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`Building the Forge bundle failed (exit ${run.status ?? run.signal}); see the bundler's message above.`);
}
