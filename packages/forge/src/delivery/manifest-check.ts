import type { DeliveryMode } from '@usage-reporting/core/api';

/**
 * Whether a manifest (manifest.yml, parsed) fits the delivery mode the app was built with. Pure, so an
 * app's own test can run it on its manifest (our apps do: test/sim/manifest.test.ts). Problems are
 * returned, never thrown; an empty list means the manifest fits.
 *
 * Atlassian's analytics tool policy (Aug 2025) reserves `category: analytics` for recognised cloud
 * analytics tools and blocks deploying an app that declares anything else so; a vendor's own
 * collector is plain backend egress, which costs "Runs on Atlassian". Only zero egress keeps it.
 */
export type ManifestProblem =
  | { code: 'analytics-category'; message: string }
  | { code: 'no-collector-egress'; message: string }
  | { code: 'more-egress'; message: string }
  | { code: 'egress-in-manual-mode'; message: string };

export function checkManifestForDelivery(manifest: unknown, mode: DeliveryMode): ManifestProblem[] {
  const external = at(manifest, 'permissions', 'external');
  if (mode === 'manual') {
    return external === undefined
      ? []
      : [{ code: 'egress-in-manual-mode', message: 'manual delivery has no egress at all: remove `permissions.external` from manifest.yml (zero egress keeps the app eligible for Runs on Atlassian)' }];
  }
  const problems: ManifestProblem[] = [];
  if (mentionsAnalytics(external)) {
    problems.push({
      code: 'analytics-category',
      message: "`category: analytics` is reserved for Atlassian's recognised analytics tools: declare the collector as plain backend egress (address only)"
    });
  }
  const backend = at(external, 'fetch', 'backend');
  const entries = Array.isArray(backend) ? backend : [];
  if (entries.length === 0) {
    problems.push({ code: 'no-collector-egress', message: "direct delivery needs the collector's address as the one entry of `permissions.external.fetch.backend`" });
  }
  const others = Object.keys(isObject(external) ? external : {}).filter((k) => k !== 'fetch');
  const otherFetch = Object.keys(isObject(at(external, 'fetch')) ? (at(external, 'fetch') as object) : {}).filter((k) => k !== 'backend');
  if (entries.length > 1 || others.length > 0 || otherFetch.length > 0) {
    problems.push({
      code: 'more-egress',
      message: `direct delivery declares exactly one egress, the collector's backend address; the manifest also declares ${describeExtra(entries.length, others, otherFetch)}`
    });
  }
  return problems;
}

function describeExtra(backendEntries: number, others: string[], otherFetch: string[]): string {
  const parts = [
    ...(backendEntries > 1 ? [`${backendEntries - 1} more backend entr${backendEntries === 2 ? 'y' : 'ies'}`] : []),
    ...otherFetch.map((k) => `fetch.${k}`),
    ...others.map((k) => `external.${k}`)
  ];
  return parts.join(', ');
}

/** Anywhere under `permissions.external`: a category is declared per entry, in any list. */
function mentionsAnalytics(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(mentionsAnalytics);
  if (!isObject(node)) return false;
  return Object.entries(node).some(([k, v]) => (k === 'category' && typeof v === 'string' && v.toLowerCase() === 'analytics') || mentionsAnalytics(v));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}
