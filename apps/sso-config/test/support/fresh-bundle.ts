import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const APP_DIR = path.resolve(__dirname, '../..');
// jest runs the suites in parallel workers, each of which may find the bundle stale: one builds while
// the others wait, then find it fresh. The bundler empties .forge-build/ before writing, so two at
// once would let a suite load a half-written bundle. One lock per checkout of the app.
const LOCK = path.join(os.tmpdir(), `forge-bundle-${createHash('sha256').update(APP_DIR).digest('hex').slice(0, 16)}.lock`);
// A build takes 5–15 s; a lock older than this was left by a killed process.
const ABANDONED_AFTER_MS = 3 * 60_000;
export const BUILD_TIMEOUT_MS = 4 * 60_000;

/**
 * The suites that run the app as Forge would (createSimPlatform({ app: 'bundle' })) need
 * apps/sso-config/.forge-build/ built from today's sources: rebuilt here when it is missing or older
 * than src/, the manifest, tsconfig.json or the toolkit packages (forge-bundle.cjs --if-stale).
 */
export async function buildSsoBundleIfStale(): Promise<void> {
  await acquireLock();
  try {
    await run(process.execPath, ['scripts/forge-bundle.cjs', '--app', APP_DIR, '--if-stale'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // execFile's error carries what the bundler printed, which names the failing file.
    const output = error instanceof Error ? `${String(Reflect.get(error, 'stdout') ?? '')}${String(Reflect.get(error, 'stderr') ?? error.message)}` : String(error);
    throw new Error(`Building SSO Config's Forge bundle failed (node scripts/forge-bundle.cjs --app apps/sso-config):\n${output}`);
  } finally {
    await rmdir(LOCK).catch(() => undefined);
  }
}

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (error) {
      if (!isErrno(error) || error.code !== 'EEXIST') throw error;
    }
    const held = await stat(LOCK).catch(() => undefined);
    if (held && Date.now() - held.mtimeMs > ABANDONED_AFTER_MS) await rmdir(LOCK).catch(() => undefined);
    if (Date.now() > deadline) throw new Error(`Gave up waiting for another build of SSO Config's bundle (lock ${LOCK}).`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
