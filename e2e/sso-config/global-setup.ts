import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/paths';
import { SSO_APP_DIR } from './paths';

/**
 * What SSO Config's browser suite runs: its Custom UI, always rebuilt (under a second, so never a
 * stale page), and its Forge bundle when missing or older than its sources (forge-bundle.cjs --if-stale).
 * Runs once before any worker starts, beside the reference app's e2e/fixtures/global-setup.ts.
 */
export default function globalSetup(): void {
  const bundle = spawnSync(process.execPath, ['scripts/forge-bundle.cjs', '--app', SSO_APP_DIR, '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (bundle.status !== 0) throw new Error(`Building SSO Config's Forge bundle failed (exit ${bundle.status ?? bundle.signal}).`);
  const vite = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/vite'), ['build', '--config', path.join(SSO_APP_DIR, 'static/admin/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
  });
  if (vite.status !== 0) throw new Error(`Building SSO Config's admin UI failed (vite exit ${vite.status ?? vite.signal}).`);
}
