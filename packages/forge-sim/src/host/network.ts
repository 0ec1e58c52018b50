import { z } from 'zod';
import type { ApiResponse } from './api.js';

/**
 * Two switches outside the app that decide whether its reports can leave, for trying failure paths
 * by hand and in browser tests:
 * - the site admin's "allow analytics egress" setting (Forge drops `category: analytics` egress when off;
 *   a collector declared as plain egress, as Atlassian's analytics tool policy requires, is not
 *   affected), offered only to an app that declares such egress: for any other it changes nothing;
 * - whether the vendor's collector is reachable at all (down: its host does not resolve), offered
 *   only when a collector runs alongside.
 * Neither reloads the app: like the real ones, the app only notices on its next call.
 */
export interface NetworkState {
  analyticsEgress: boolean;
  collectorReachable: boolean;
}

/** What the switches act on: the platform's egress service and the collector standing in for the backend egress host. */
export interface NetworkPort {
  egress: {
    setAnalyticsEgressAllowed(allowed: boolean): void;
    /** The manifest declares `category: analytics` backend egress, the only egress the switch above acts on. */
    readonly declaresAnalyticsEgress: boolean;
    retarget(origin: string, base: string | undefined): void;
  };
  collector?: { origin: string; url: string };
}

export const networkChangeSchema = z.strictObject({
  analyticsEgress: z.boolean().optional(),
  collectorReachable: z.boolean().optional()
});

export interface NetworkSwitches {
  state(): NetworkState;
  change(input: unknown): ApiResponse;
}

export function createNetworkSwitches(port: NetworkPort): NetworkSwitches {
  const state: NetworkState = { analyticsEgress: true, collectorReachable: true };
  return {
    state: () => ({ ...state }),
    change(input) {
      const parsed = networkChangeSchema.safeParse(input);
      if (!parsed.success) return { status: 400, body: { ok: false, message: `Malformed network change: ${z.prettifyError(parsed.error)}` } };
      const { analyticsEgress, collectorReachable } = parsed.data;
      // A change is refused as a whole: nothing moves unless every switch it names can.
      if (collectorReachable !== undefined && !port.collector) {
        return { status: 409, body: { ok: false, message: 'No collector runs alongside this host, so it cannot be taken down.' } };
      }
      if (analyticsEgress !== undefined && !port.egress.declaresAnalyticsEgress) {
        return { status: 409, body: { ok: false, message: "This app declares no `category: analytics` egress, so the site admin's analytics switch has nothing to act on." } };
      }
      if (collectorReachable !== undefined && port.collector) {
        port.egress.retarget(port.collector.origin, collectorReachable ? port.collector.url : undefined);
        state.collectorReachable = collectorReachable;
      }
      if (analyticsEgress !== undefined) {
        port.egress.setAnalyticsEgressAllowed(analyticsEgress);
        state.analyticsEgress = analyticsEgress;
      }
      return { status: 200, body: { ok: true, state: { ...state } } };
    }
  };
}
