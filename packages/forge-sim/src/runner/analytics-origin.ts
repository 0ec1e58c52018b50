import type { SimManifest } from '../manifest/load.js';

/**
 * The collector's declared origin: the one backend egress entry with `category: analytics`, or
 * undefined for an app that declares none (it reports nothing, and the runner starts no collector).
 * manifest.yml is the single place the address is set; the runner only maps it to loopback.
 */
export function analyticsOrigin(manifest: SimManifest): string | undefined {
  const entries = manifest.external.fetch?.backend ?? [];
  const analytics = entries.filter((e) => typeof e === 'object' && e.category === 'analytics');
  const [entry] = analytics;
  if (!entry || typeof entry !== 'object') return undefined;
  // Two would leave it open which one the collector stands in for.
  if (analytics.length > 1) {
    throw new Error(`${manifest.path} declares ${analytics.length} backend egress entries with category: analytics; the runner's collector can stand in for one.`);
  }
  return new URL(entry.address).origin;
}
