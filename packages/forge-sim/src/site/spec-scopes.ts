import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Product } from '@usage-reporting/core/api';
import { packageRoot } from '../../layout/index.js';

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

type PathTable = Map<RegExp, { specPath: string; methods: Record<string, Operation> }>;

// Merged in the linter's order (PermissionLinter.bootstrap): a later file's entry for a path replaces an
// earlier one's and keeps its place.
const SPEC_FILES: Record<Product, readonly string[]> = {
  jira: ['jira-platform.json', 'jira-service-management.json', 'jira-software.json'],
  confluence: ['confluence-v1.json', 'confluence-v2.json']
};
const tables = new Map<Product, PathTable>();

/**
 * Read from the package's forge-specs/ on first use rather than imported: a JSON import needs an import
 * attribute in ES modules and none in CommonJS, and the package runs as both (see layout/index.d.ts).
 * Parsing a product's specs only when its site is first called also keeps a start that never calls it quick.
 */
function tableFor(product: Product): PathTable {
  let table = tables.get(product);
  if (!table) {
    table = pathMap(SPEC_FILES[product].map((file) => readSpec(file)));
    tables.set(product, table);
  }
  return table;
}

function readSpec(file: string): unknown {
  const specPath = path.join(packageRoot, 'forge-specs', file);
  try {
    return JSON.parse(readFileSync(specPath, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the pinned Forge spec ${specPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The requirement for one call, or undefined when no spec path matches it (the linter then checks nothing). */
export function specScopes(product: Product, method: string, pathname: string): ScopeRequirement | undefined {
  const path = pathname.replace(/\?.+$/, '');
  // The first pattern that matches wins, in spec order (ProductVerifier.lookupApiCall); the patterns are
  // anchored at the end only, which is how the Confluence v2 paths (/spaces) match /wiki/api/v2/spaces.
  for (const [pattern, entry] of tableFor(product)) {
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

function pathMap(specs: unknown[]): PathTable {
  const merged: Record<string, Record<string, Operation>> = {};
  for (const spec of specs) Object.assign(merged, specSchema.parse(spec).paths);
  const map: PathTable = new Map();
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
