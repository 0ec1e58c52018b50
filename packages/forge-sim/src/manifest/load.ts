import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The parts of manifest.yml the simulated platform acts on. The platform reads the real manifest,
 * so a scope or egress host the app forgot to declare fails here as it would on Forge.
 */
const functionSchema = z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() });
const uiModuleSchema = z.object({ key: z.string(), title: z.string().optional(), resolver: z.object({ function: z.string() }).optional() });
const egressEntrySchema = z.union([
  z.string(),
  z.object({ address: z.string(), category: z.string().optional(), inScopeEUD: z.boolean().optional() })
]);

const manifestSchema = z.object({
  modules: z.object({
    'jira:adminPage': z.array(uiModuleSchema).default([]),
    'confluence:globalSettings': z.array(uiModuleSchema).default([]),
    scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.string() })).default([]),
    trigger: z.array(z.object({ key: z.string(), function: z.string(), events: z.array(z.string()) })).default([]),
    function: z.array(functionSchema)
  }),
  app: z.object({ id: z.string(), runtime: z.object({ name: z.string() }) }),
  permissions: z
    .object({
      scopes: z.array(z.string()).default([]),
      external: z.object({ fetch: z.object({ backend: z.array(egressEntrySchema).default([]) }).optional() }).optional()
    })
    .default({ scopes: [] })
});

export type RawManifest = z.infer<typeof manifestSchema>;
export type EgressEntry = z.infer<typeof egressEntrySchema>;

export interface SimManifest {
  path: string;
  appId: string;
  runtime: string;
  scopes: string[];
  /** `permissions.external` exactly as declared, for `getAppContext().permissions`. */
  external: { fetch?: { backend: EgressEntry[] } };
  /** Declared backend egress addresses (the `address` of object entries). */
  backendEgress: string[];
  raw: RawManifest;
}

/** The app's manifest in the working directory, where `forge deploy` reads it too. */
export const defaultManifestPath = path.resolve('manifest.yml');

export function loadManifest(manifestPath: string = defaultManifestPath): SimManifest {
  const raw = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const backend = raw.permissions.external?.fetch?.backend ?? [];
  return {
    path: manifestPath,
    appId: raw.app.id,
    runtime: raw.app.runtime.name,
    scopes: raw.permissions.scopes,
    external: raw.permissions.external?.fetch ? { fetch: { backend } } : {},
    backendEgress: backend.map((entry) => (typeof entry === 'string' ? entry : entry.address)),
    raw
  };
}
