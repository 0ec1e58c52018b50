import type { SimManifest } from '../manifest/load.js';

/**
 * The collector's declared origin, for the runner to map to its loopback collector: the manifest's one
 * plain backend egress entry (direct delivery; Atlassian's analytics tool policy makes a vendor's own
 * collector plain egress). Undefined when the manifest declares no egress: a manual-delivery app, which
 * reaches no collector itself (its admin's browser does, on the collector's upload page).
 * manifest.yml is the single place the address is set; the runner only maps it to loopback.
 */
export function collectorOrigin(manifest: SimManifest): string | undefined {
  const entries = manifest.external.fetch?.backend ?? [];
  if (entries.length === 0) return undefined;
  const [entry] = entries;
  // Two would leave it open which one the collector stands in for.
  if (entries.length > 1 || entry === undefined) {
    throw new Error(`${manifest.path} declares ${entries.length} backend egress entries; the runner's collector stands in for the one entry a direct-delivery app declares.`);
  }
  const address = typeof entry === 'string' ? entry : entry.address;
  return new URL(address.includes('://') ? address : `https://${address}`).origin;
}

/** The former name, from when the collector was the `category: analytics` entry. */
export const analyticsOrigin = collectorOrigin;
