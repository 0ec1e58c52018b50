import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvocationScope, SimPlatformPorts } from './ports.js';

interface ActiveInvocation {
  platform: SimPlatformPorts;
  scope: InvocationScope;
}

const invocations = new AsyncLocalStorage<ActiveInvocation>();
let ambient: ActiveInvocation | undefined;

/**
 * Runs `fn` as one invocation on `platform`. Concurrent invocations each see their own
 * `__forge_runtime__`, as they would in separate Forge sandboxes.
 */
export function runInInvocation<T>(platform: SimPlatformPorts, scope: InvocationScope, fn: () => Promise<T>): Promise<T> {
  return invocations.run({ platform, scope }, fn);
}

/**
 * The platform that SDK calls made outside any invocation reach (a test driving @forge/kvs directly,
 * say). Passing undefined detaches it, so later stray calls fail loudly instead of hitting a stale store.
 */
export function setAmbientPlatform(platform: SimPlatformPorts | undefined): void {
  ambient = platform ? { platform, scope: { invocationId: 'ambient' } } : undefined;
}

export function currentInvocation(): ActiveInvocation | undefined {
  return invocations.getStore() ?? ambient;
}

export function isInsideInvocation(): boolean {
  return invocations.getStore() !== undefined;
}
