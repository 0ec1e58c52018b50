import { createRequire } from 'node:module';
import path from 'node:path';
import type { FunctionTarget } from '../manifest/functions';

/** A manifest handler as Forge calls it: the module's event and the invocation context. */
export type ForgeHandler = (event: unknown, context: Record<string, unknown>) => unknown;

const requireFromHere = createRequire(__filename);

/**
 * Loads the app's handler the way Forge's bundle would resolve it (`index.resolver` → src/index.ts,
 * export `resolver`). Requiring through Node lets jest's transform or tsx compile the TypeScript.
 */
export function loadHandler(repoRoot: string, target: FunctionTarget): ForgeHandler {
  const mod: unknown = requireFromHere(path.resolve(repoRoot, target.moduleFile));
  const exported: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, target.exportName) : undefined;
  if (typeof exported !== 'function') {
    throw new Error(`${target.moduleFile} has no function export '${target.exportName}' (manifest function '${target.functionKey}')`);
  }
  return (event, context) => Reflect.apply(exported, undefined, [event, context]);
}
