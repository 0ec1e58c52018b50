import { z } from 'zod';
import confluenceV1 from '../../forge-specs/confluence-v1.json';
import confluenceV2 from '../../forge-specs/confluence-v2.json';
import jiraPlatform from '../../forge-specs/jira-platform.json';
import jiraServiceManagement from '../../forge-specs/jira-service-management.json';
import jiraSoftware from '../../forge-specs/jira-software.json';
import type { Product } from '@usage-reporting/core/api';

/**
 * Which scopes an endpoint needs, read from the same pinned OpenAPI tables @forge/lint checks
 * calls against (forge-specs/, see scripts/forge-lint.mjs), and decided the way the linter decides,
 * so that the simulated site (site.ts) refuses exactly the calls `forge lint` would flag. It replaced a
 * hand-written table that had drifted from Atlassian's: it granted /mypermissions to read:jira-user
 * (Atlassian: read:jira-work, or read:permission:jira), which made read:jira-user look needed in
 * manifest.yml, and it took one granular scope alone where Atlassian requires the whole set.
 */
export interface ScopeRequirement {
  /** The path as the spec writes it, e.g. /rest/api/3/issue/{issueIdOrKey}. */
  specPath: string;
  /** All of these grant the endpoint (classic scopes, state Current). */
  current: readonly string[];
  /** All of these grant it too (granular scopes, state Beta); empty when the spec names none. */
  beta: readonly string[];
}

const operationSchema = z.object({
  'x-atlassian-oauth2-scopes': z.array(z.object({ state: z.string(), scopes: z.array(z.string()) })).optional(),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional()
});
const specSchema = z.object({ paths: z.record(z.string(), z.record(z.string(), operationSchema)) });
type Operation = z.infer<typeof operationSchema>;

// Merged in the linter's order (PermissionLinter.bootstrap): a later file's entry for a path replaces an
// earlier one's and keeps its place.
const TABLES: Record<Product, Map<RegExp, { specPath: string; methods: Record<string, Operation> }>> = {
  jira: pathMap([jiraPlatform, jiraServiceManagement, jiraSoftware]),
  confluence: pathMap([confluenceV1, confluenceV2])
};

/** The requirement for one call, or undefined when no spec path matches it (the linter then checks nothing). */
export function specScopes(product: Product, method: string, pathname: string): ScopeRequirement | undefined {
  const path = pathname.replace(/\?.+$/, '');
  // The first pattern that matches wins, in spec order (ProductVerifier.lookupApiCall); the patterns are
  // anchored at the end only, which is how the Confluence v2 paths (/spaces) match /wiki/api/v2/spaces.
  for (const [pattern, entry] of TABLES[product]) {
    if (!pattern.test(path)) continue;
    const operation = entry.methods[method.toLowerCase()];
    return { specPath: entry.specPath, current: currentScopes(operation), beta: stateScopes(operation, 'Beta') };
  }
  return undefined;
}

/**
 * The scopes the app lacks for an endpoint, empty when it may call it: @forge/manifest's getMissingScopes,
 * which the linter uses. Holding every Current scope suffices, and so does holding every Beta one.
 */
export function missingScopes(granted: readonly string[], required: ScopeRequirement): string[] {
  if (granted.length === 0) return [...required.current];
  if (required.current.length === 0) return [];
  const missingCurrent = required.current.filter((scope) => !granted.includes(scope));
  if (missingCurrent.length === 0) return [];
  if (required.beta.length > 0 && required.beta.every((scope) => granted.includes(scope))) return [];
  return missingCurrent;
}

function pathMap(specs: unknown[]): Map<RegExp, { specPath: string; methods: Record<string, Operation> }> {
  const merged: Record<string, Record<string, Operation>> = {};
  for (const spec of specs) Object.assign(merged, specSchema.parse(spec).paths);
  const map = new Map<RegExp, { specPath: string; methods: Record<string, Operation> }>();
  for (const [specPath, methods] of Object.entries(merged)) {
    // PermissionLinter.processPaths: each {parameter} matches one path segment.
    map.set(new RegExp(specPath.replace(/{(?<={)(.*?)(?=})}/g, '[^\\/\\s]*') + '\\/?$'), { specPath, methods });
  }
  return map;
}

/** ProductVerifier.getRequiredScopes: the Current scopes, else the OAuth entries of `security`. */
function currentScopes(operation: Operation | undefined): string[] {
  if (!operation) return [];
  if (operation['x-atlassian-oauth2-scopes']) return stateScopes(operation, 'Current');
  return (operation.security ?? []).flatMap((entry) => [...(entry['OAuth2'] ?? []), ...(entry['oAuthDefinitions'] ?? [])]);
}

function stateScopes(operation: Operation | undefined, state: 'Current' | 'Beta'): string[] {
  return (operation?.['x-atlassian-oauth2-scopes'] ?? []).filter((entry) => entry.state === state).flatMap((entry) => entry.scopes);
}
