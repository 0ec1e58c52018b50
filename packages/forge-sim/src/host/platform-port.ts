import type { Product } from '@usage-reporting/core/api';
import type { CounterSnapshot } from '../counters.js';
import type { NetworkPort } from './network.js';

/**
 * What the bridge host needs from the simulated platform; packages/forge-sim/src/platform.ts's SimPlatform satisfies
 * it structurally. Kept narrow so the host's reach into the platform is visible in one place.
 */
export interface HostPlatform {
  /** Runs a Custom UI resolver call as Forge does for `invoke(functionKey, payload)` from the page. */
  invokeResolver(functionKey: string, payload: unknown, as: { accountId: string; product?: Product; locale?: string }): Promise<unknown>;
  /** Runs the manifest's scheduled trigger now, as Forge's scheduler would. */
  runScheduledTrigger(options?: { product?: Product }): Promise<unknown>;
  /** The page context of the current product's admin module, for `view.getContext()`. */
  uiContext(accountId: string, locale?: string): object;
  readonly users: { readonly admin: string; readonly member: string };
  readonly site: { configure(options: { product?: Product }): void };
  /** Invocations, KVS, product and egress calls so far, for tests and benchmarks measuring a page. */
  readonly counters: { snapshot(): CounterSnapshot };
  /** The sandbox's egress, for the analytics-egress and collector switches. */
  readonly egress: NetworkPort['egress'];
}

/** The two people the host page can act as. */
export type ActingUser = 'admin' | 'member';
