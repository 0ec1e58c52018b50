import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FunctionTarget } from '../manifest/functions.js';

/** A manifest handler as Forge calls it: the module's event and the invocation context. */
export type ForgeHandler = (event: unknown, context: Record<string, unknown>) => unknown;

/**
 * Which code answers the manifest's functions.
 * - `source`: src/ through Node's require, compiled by jest's transform or tsx. Unit suites use it:
 *   a jest.mock of a src module, or a test calling src functions directly, sees the same module instances.
 * - `bundle`: what `forge deploy` would upload, built by @forge/bundler into .forge-build/
 *   (scripts/forge-bundle.cjs). The runner, the browser suite and the integration suites run this,
 *   so a bundling difference (an import webpack resolves differently, code tsx accepts but ts-loader
 *   does not) fails them.
 */
export type AppCode = 'source' | 'bundle';

/** Where scripts/forge-bundle.cjs writes the bundle, in the app's directory. */
export const bundleDirOf = (appDir: string): string => path.join(appDir, '.forge-build');

/**
 * Loads the app's handler the way Forge resolves it: `index.resolver` is export `resolver` of the
 * module `index`, src/index.ts in the sources and index.cjs (webpack's `[name].cjs`) in the bundle.
 */
export function loadHandler(appDir: string, target: FunctionTarget, code: AppCode = 'source'): ForgeHandler {
  const file = code === 'bundle' ? bundleFile(appDir, target) : path.resolve(appDir, target.moduleFile);
  // `file` is absolute, so the require's base only has to be real: the app's directory, since this module
  // has no __filename once built as an ES module. Under jest, createRequire is jest's, so jest.mock applies.
  const mod: unknown = createRequire(path.join(appDir, 'package.json'))(file);
  const exported: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, target.exportName) : undefined;
  if (typeof exported !== 'function') {
    const where = code === 'bundle' ? path.relative(appDir, file) : target.moduleFile;
    throw new Error(`${where} has no function export '${target.exportName}' (manifest function '${target.functionKey}')`);
  }
  return (event, context) => Reflect.apply(exported, undefined, [event, context]);
}

function bundleFile(appDir: string, target: FunctionTarget): string {
  // The bundler names each entry after the handler's module, the path below src/.
  const file = path.join(bundleDirOf(appDir), `${target.moduleFile.replace(/^src\//, '')}.cjs`);
  // Freshness is the job of whoever starts us (jest's and Playwright's global setup, `npm start`, all
  // through `forge-bundle.cjs --if-stale`); a missing bundle is a setup that skipped that step.
  if (!existsSync(file)) {
    throw new Error(`No Forge bundle at ${file} for manifest function '${target.functionKey}': run \`npm run build:forge\`.`);
  }
  return file;
}
