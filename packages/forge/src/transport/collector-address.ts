import { getAppContext } from '@forge/api';
import { z } from 'zod';

/**
 * Where the collector is (direct delivery only), read at run time from the app's runtime permissions
 * (manifest.yml's `permissions.external.fetch.backend`): the address is never written in code, the
 * manifest is the single place it is declared, and Forge only lets the app reach what it declares.
 *
 * Which entry: the one backend entry there is, declared plainly. Atlassian's analytics tool policy
 * (Aug 2025) makes a vendor's own collector plain backend egress, and an app declaring it as
 * `category: analytics` is not deployable; several entries leave the collector a guess. Both are
 * refused with what to change (delivery/manifest-check.ts says the same at build time). A
 * manual-delivery app never asks: its transports never send (engine/deps.ts).
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
  const [chosen, ...more] = entries;
  if (!chosen) return { ok: false, reason: 'the manifest declares no backend egress for the collector' };
  if (more.length > 0) return { ok: false, reason: `the manifest declares ${entries.length} backend egress entries; direct delivery declares only the collector's` };
  if (chosen.category !== undefined) {
    return { ok: false, reason: `the collector's egress entry declares category '${chosen.category}'; declare it as plain backend egress (Atlassian reserves 'analytics' for its recognised tools)` };
  }
  try {
    const url = new URL(chosen.address.includes('://') ? chosen.address : `https://${chosen.address}`);
    return { ok: true, baseUrl: url.origin };
  } catch {
    return { ok: false, reason: "the collector's egress entry is not a valid address" };
  }
}
