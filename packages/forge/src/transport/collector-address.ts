import { getAppContext } from '@forge/api';
import { z } from 'zod';

/**
 * Where the collector is: the one `analytics` entry of manifest.yml's
 * `permissions.external.fetch.backend`, read at run time from the app's runtime permissions.
 * The address is never written in src/: the manifest is the single place it is declared, and
 * Forge only lets the app reach what the manifest declares anyway.
 */
const backendEntry = z.union([z.string(), z.object({ address: z.string(), category: z.string().optional() })]);
const permissionsShape = z.object({
  external: z.object({ fetch: z.object({ backend: z.array(backendEntry) }) })
});

export type CollectorAddress = { ok: true; baseUrl: string } | { ok: false; reason: string };

export function collectorAddress(): CollectorAddress {
  const parsed = permissionsShape.safeParse(getAppContext().permissions);
  if (!parsed.success) return { ok: false, reason: 'the app runtime does not expose external fetch permissions' };
  const analytics = parsed.data.external.fetch.backend.filter(
    (e): e is { address: string; category?: string } => typeof e === 'object' && e.category === 'analytics'
  );
  if (analytics.length !== 1) return { ok: false, reason: `expected exactly one 'analytics' egress entry, found ${analytics.length}` };
  const address = analytics[0]?.address ?? '';
  try {
    const url = new URL(address.includes('://') ? address : `https://${address}`);
    return { ok: true, baseUrl: url.origin };
  } catch {
    return { ok: false, reason: "the 'analytics' egress entry is not a valid address" };
  }
}
