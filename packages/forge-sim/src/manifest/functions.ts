import type { SimManifest } from './load.js';
import type { Product } from '@usage-reporting/core/api';

/** Where a manifest function's code lives: `handler: index.resolver` is export `resolver` of src/index.ts. */
export interface FunctionTarget {
  functionKey: string;
  moduleFile: string;
  exportName: string;
}

export function functionTarget(manifest: SimManifest, functionKey: string): FunctionTarget {
  const fn = manifest.raw.modules.function.find((f) => f.key === functionKey);
  if (!fn) throw new Error(`manifest.yml declares no function with key '${functionKey}'`);
  const dot = fn.handler.lastIndexOf('.');
  if (dot <= 0) throw new Error(`function '${functionKey}' has handler '${fn.handler}', expected '<file>.<export>'`);
  return { functionKey, moduleFile: `src/${fn.handler.slice(0, dot)}`, exportName: fn.handler.slice(dot + 1) };
}

/** The admin UI module of a product: Jira's admin page or Confluence's global settings. */
export interface UiModule {
  moduleKey: string;
  extensionType: 'jira:adminPage' | 'confluence:globalSettings';
  resolverFunction: string;
}

export function uiModuleFor(manifest: SimManifest, product: Product): UiModule {
  const extensionType = product === 'jira' ? 'jira:adminPage' : 'confluence:globalSettings';
  const mod = manifest.raw.modules[extensionType][0];
  if (!mod) throw new Error(`manifest.yml declares no ${extensionType} module`);
  if (!mod.resolver) throw new Error(`${extensionType} module '${mod.key}' has no resolver function`);
  return { moduleKey: mod.key, extensionType, resolverFunction: mod.resolver.function };
}

export function scheduledTriggerModule(manifest: SimManifest): { moduleKey: string; functionKey: string } {
  const t = manifest.raw.modules.scheduledTrigger[0];
  if (!t) throw new Error('manifest.yml declares no scheduledTrigger');
  return { moduleKey: t.key, functionKey: t.function };
}

export function triggerModuleFor(manifest: SimManifest, event: string): { moduleKey: string; functionKey: string } {
  const t = manifest.raw.modules.trigger.find((m) => m.events.includes(event));
  if (!t) throw new Error(`manifest.yml declares no trigger for '${event}'`);
  return { moduleKey: t.key, functionKey: t.function };
}

/** The key of the module that invokes `functionKey` on `product`'s site (the UI module for the resolver). */
export function moduleKeyOf(manifest: SimManifest, functionKey: string, product: Product): string {
  const m = manifest.raw.modules;
  const ui = product === 'jira' ? m['jira:adminPage'] : m['confluence:globalSettings'];
  const found =
    ui.find((u) => u.resolver?.function === functionKey)?.key ??
    m.scheduledTrigger.find((t) => t.function === functionKey)?.key ??
    m.trigger.find((t) => t.function === functionKey)?.key;
  if (!found) throw new Error(`no module in manifest.yml invokes function '${functionKey}'`);
  return found;
}
