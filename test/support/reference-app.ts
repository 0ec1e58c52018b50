import path from 'node:path';
import { createSimPlatform, type SimPlatform, type SimPlatformOptions } from '@usage-reporting/forge-sim';

/** The reference app (apps/reference): the Forge app most suites run, through the toolkit, in forge-sim. */
export const REFERENCE_APP_DIR = path.resolve(__dirname, '../../apps/reference');
export const REFERENCE_MANIFEST = path.join(REFERENCE_APP_DIR, 'manifest.yml');

/** A simulated platform running the reference app: its manifest, its sources or its Forge bundle. */
export function createReferencePlatform(options: SimPlatformOptions = {}): SimPlatform {
  return createSimPlatform({ appDir: REFERENCE_APP_DIR, ...options });
}
