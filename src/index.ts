import Resolver from '@forge/resolver';
import type { ResolverName } from '@usage-reporting/core/api';
import { recordInstallation, recordScheduledRun } from './context/installation';
import { productFromFunctionContext } from './context/product';
import { productionDeps } from './engine/deps';
import { runScheduledJob, summarizeRun } from './engine/scheduled-job';
import { defineResolver } from './resolvers/define';
import { registeredResolverNames, resolverRegistry } from './resolvers/registry';

/**
 * The platform seam (clock, catalog, transports to the collector, the site reader), built once
 * here where the app is wired; every handler below gets this one object.
 */
const deps = productionDeps();

/** The manifest's handlers: `index.resolver`, `index.scheduled`, `index.lifecycle`. */
const definitions = new Resolver();
const register = <N extends ResolverName>(name: N) => definitions.define(name, defineResolver(name, resolverRegistry[name], deps));
registeredResolverNames.forEach(register);

export const resolver = definitions.getDefinitions();

/** The daily trigger: retry the outbox, send the automatic report when due, apply retention. */
export async function scheduled(event: unknown, context: unknown) {
  await recordScheduledRun(event, context);
  const product = productFromFunctionContext(context);
  if (!product.ok) {
    console.error(`[scheduled] cannot tell which product this runs in: ${product.reason}`);
    return { ok: false, reason: product.reason };
  }
  const run = await runScheduledJob(deps, product.product);
  return { ok: true, run: summarizeRun(run) };
}

export const lifecycle = (event: unknown, context: unknown) => recordInstallation(event, context);
