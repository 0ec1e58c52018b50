import type { ForgeRuntimeGlobal } from '../runtime/ports.js';
import type { SimManifest } from '../manifest/load.js';
import type { InvocationRecord } from './invocations.js';

/** Identity of the one installation the simulated platform hosts. */
export interface InstallationIdentity {
  appVersion: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  installContext: string;
}

/** A no-op that accepts whatever the SDK's metrics calls pass, so instrumentation never breaks a call. */
const noopTimer = { stop: (): void => undefined };
const noopMetric = { incr: (): void => undefined, decr: (): void => undefined, set: (): void => undefined, measure: () => noopTimer };
const metrics = {
  counter: () => noopMetric,
  timing: () => noopMetric,
  gauge: () => noopMetric,
  histogram: () => noopMetric
};

/** The app id the runtime carries: the uuid at the end of manifest.yml's `app.id` ARI. */
export function appIdFromAri(ari: string): string {
  return ari.slice(ari.lastIndexOf('/') + 1);
}

/**
 * The object Forge exposes as `global.__forge_runtime__` for one invocation: what @forge/api's
 * getAppContext(), wrapInMetrics() and @forge/kvs read.
 */
export function buildRuntime(
  manifest: SimManifest,
  identity: InstallationIdentity,
  invocationId: string,
  record: InvocationRecord | undefined,
  now: () => number
): ForgeRuntimeGlobal {
  return {
    appContext: {
      appId: appIdFromAri(manifest.appId),
      appVersion: identity.appVersion,
      environmentId: identity.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId,
      installationId: identity.installationId,
      moduleKey: record?.moduleKey,
      // Development installations carry no Marketplace licence.
      license: undefined,
      installation: installationOf(identity),
      permissions: { scopes: [...manifest.scopes], external: manifest.external }
    },
    contextAri: identity.installContext,
    lambdaContext: {
      getRemainingTimeInMillis: () => (record ? Math.max(0, record.deadline - now()) : Number.MAX_SAFE_INTEGER)
    },
    metrics,
    tracing: { traceId: invocationId.replace(/-/g, '').slice(0, 32), spanId: invocationId.replace(/-/g, '').slice(0, 16) },
    proxy: { token: 'sim-proxy-token', url: 'https://forge-proxy.sim.invalid' }
  };
}

export function installationOf(identity: InstallationIdentity) {
  return {
    ari: { installationId: identity.installationId, toString: () => `ari:cloud:ecosystem::installation/${identity.installationId}` },
    contexts: [identity.installContext]
  };
}
