import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Permissions } from '@forge/manifest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Product } from '@usage-reporting/core/api';

/**
 * The parts of manifest.yml that decide how the Custom UI is framed: which resource each admin
 * module shows, and the permissions Forge turns into the iframe's Content-Security-Policy.
 * Read from the real manifest, so a permission the app forgot shows up locally as a CSP refusal.
 */
const egress = z.union([z.string(), z.object({ address: z.string(), category: z.literal('analytics').optional(), inScopeEUD: z.boolean().optional() })]);
const egressList = z.array(egress).optional();

const permissionsSchema = z
  .object({
    scopes: z.array(z.string()).optional(),
    content: z.object({ scripts: z.array(z.string()).optional(), styles: z.array(z.literal('unsafe-inline')).optional() }).optional(),
    external: z
      .object({
        fetch: z.object({ backend: egressList, client: z.array(z.string()).optional() }).optional(),
        fonts: egressList,
        frames: egressList,
        images: egressList,
        media: egressList,
        scripts: egressList,
        styles: egressList
      })
      .optional()
  })
  .default({});

const uiModule = z.object({ key: z.string(), resource: z.string(), title: z.string().optional() });

const manifestSchema = z.object({
  modules: z.object({
    'jira:adminPage': z.array(uiModule).default([]),
    'confluence:globalSettings': z.array(uiModule).default([])
  }),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
  app: z.object({ id: z.string() }),
  permissions: permissionsSchema
});

export type ExtensionType = 'jira:adminPage' | 'confluence:globalSettings';

export interface FramedModule {
  product: Product;
  extensionType: ExtensionType;
  moduleKey: string;
  title: string;
  resourceKey: string;
  /** Absolute path of the resource's built files (the folder holding index.html). */
  resourceDir: string;
}

export interface ManifestUi {
  appId: string;
  permissions: Permissions;
  modules: Record<Product, FramedModule>;
}

export function loadManifestUi(manifestPath: string): ManifestUi {
  const raw = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const root = path.dirname(manifestPath);
  const moduleFor = (product: Product, extensionType: ExtensionType): FramedModule => {
    const mod = raw.modules[extensionType][0];
    if (!mod) throw new Error(`${manifestPath} declares no ${extensionType} module`);
    const resource = raw.resources.find((r) => r.key === mod.resource);
    if (!resource) throw new Error(`${extensionType} module '${mod.key}' uses resource '${mod.resource}', which ${manifestPath} does not declare`);
    return {
      product,
      extensionType,
      moduleKey: mod.key,
      title: mod.title ?? mod.key,
      resourceKey: resource.key,
      resourceDir: path.resolve(root, resource.path)
    };
  };
  return {
    appId: raw.app.id,
    permissions: raw.permissions,
    modules: { jira: moduleFor('jira', 'jira:adminPage'), confluence: moduleFor('confluence', 'confluence:globalSettings') }
  };
}
