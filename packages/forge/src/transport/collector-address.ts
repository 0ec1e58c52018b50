import { getAppContext } from '@forge/api';
import { z } from 'zod';

/**
 * Where the collector is, read at run time from the app's runtime permissions (manifest.yml's
 * `permissions.external.fetch.backend`): the address is never written in code, the manifest is the
 * single place it is declared, and Forge only lets the app reach what the manifest declares anyway.
 *
 * Which entry: the one declared with `category: analytics` if there is exactly one; otherwise the
 * only backend entry there is. A vendor's own collector is plain backend egress under Atlassian's
 * analytics tool policy (Aug 2025), so an app that declares nothing else needs no category at all;
 * an app with several plain entries and no analytics one cannot be guessed for, and is told so.
 */
const backendEntry = z.union([z.string(), z.object({ address: z.string(), category: z.string().optional() })]);
const permissionsShape = z.object({
  external: z.object({ fetch: z.object({ backend: z.array(backendEntry) }) })
});

export type CollectorAddress = { ok: true; baseUrl: string } | { ok: false; reason: string };

export function collectorAddress(): CollectorAddress {
  const parsed = permissionsShape.safeParse(getAppContext().permissions);
  if (!parsed.success) return { ok: false, reason: 'the app runtime does not expose external fetch permissions' };
  const entries = parsed.data.external.fetch.backend.map((e) => (typeof e === 'string' ? { address: e } : e));
  const analytics = entries.filter((e) => e.category === 'analytics');
  if (analytics.length > 1) return { ok: false, reason: `expected at most one 'analytics' egress entry, found ${analytics.length}` };
  const chosen = analytics[0] ?? (entries.length === 1 ? entries[0] : undefined);
  if (!chosen) {
    return {
      ok: false,
      reason: entries.length === 0 ? 'the manifest declares no backend egress for the collector' : `the manifest declares ${entries.length} backend egress entries and none is the collector's 'analytics' one`
    };
  }
  try {
    const url = new URL(chosen.address.includes('://') ? chosen.address : `https://${chosen.address}`);
    return { ok: true, baseUrl: url.origin };
  } catch {
    return { ok: false, reason: "the collector's egress entry is not a valid address" };
  }
}
