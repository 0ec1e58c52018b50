import type { SimManifest } from '../manifest/load.js';

/**
 * The collector's declared origin: the one backend egress entry with `category: analytics`.
 * manifest.yml is the single place the address is set; the runner only maps it to loopback.
 */
export function analyticsOrigin(manifest: SimManifest): string {
  const entries = manifest.external.fetch?.backend ?? [];
  const analytics = entries.filter((e) => typeof e === 'object' && e.category === 'analytics');
  const [entry] = analytics;
  if (analytics.length !== 1 || !entry || typeof entry !== 'object') {
    throw new Error(`${manifest.path} must declare exactly one backend egress entry with category: analytics (found ${analytics.length})`);
  }
  return new URL(entry.address).origin;
}
