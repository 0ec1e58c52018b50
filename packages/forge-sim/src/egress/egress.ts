import { EgressCategory, EgressFilteringService, EgressType, getEgressesBasedOnToggles } from '@forge/egress';
import type { EgressEntry } from '../manifest/load.js';
import type { PlatformCounters } from '../counters.js';
import type { FaultHooks } from '../faults/faults.js';
import type { InvocationTable } from '../invoke/invocations.js';
import type { EgressService } from '../runtime/ports.js';
import { EgressNotAllowedError, EgressViolationError, unreachableHostError } from './errors.js';

export interface EgressOptions {
  /** `permissions.external.fetch.backend` entries from manifest.yml. */
  declared: readonly EgressEntry[];
  /**
   * The manifest declares no `permissions.external` at all (a zero-egress app, eligible for Runs on
   * Atlassian): any egress attempt is a violation, recorded and thrown, so a test can prove there was none.
   */
  zeroEgress?: boolean;
  /** Declared origin → loopback base URL that stands in for it (`https://collector.example.com` → `http://127.0.0.1:4100`). */
  targets: Readonly<Record<string, string>>;
  /** The machine's own fetch, used to reach the loopback target. */
  hostFetch: typeof fetch;
  faults: FaultHooks;
  counters: PlatformCounters;
  invocations: InvocationTable;
}

/**
 * The sandbox's `fetch`: only manifest-declared hosts, matched by @forge/egress exactly as Forge
 * matches them, each declared origin answered by a loopback server.
 */
export interface EgressViolation {
  url: string;
  /** The function the attempt came from, or undefined outside an invocation's record. */
  functionKey: string | undefined;
  at: string;
}

export interface SimEgress extends EgressService {
  /** Every egress attempt by a zero-egress app (no `permissions.external`), oldest first. */
  readonly violations: readonly EgressViolation[];
  /** Points a declared origin at another loopback base (or at nothing: connection errors). */
  retarget(origin: string, base: string | undefined): void;
  /**
   * The site admin's "allow analytics egress" switch for this installation. Off, Forge drops every
   * egress declared with `category: analytics` from the allow list, so those hosts are refused.
   */
  setAnalyticsEgressAllowed(allowed: boolean): void;
  /** Whether any declared entry is `category: analytics`: without one, that switch changes nothing. */
  readonly declaresAnalyticsEgress: boolean;
}

export function createEgressService(options: EgressOptions): SimEgress {
  let filter = filterFor(options.declared, true);
  const targets = new Map(Object.entries(options.targets).map(([origin, base]) => [new URL(origin).origin, base]));
  const violations: EgressViolation[] = [];

  async function egressFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const record = options.invocations.enter();
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (options.zeroEgress) {
      // Counted as egress too: "0 egress calls" then covers attempts, not only requests that got out.
      options.counters.count('egress', url.origin);
      violations.push({ url: url.toString(), functionKey: record?.functionKey, at: new Date().toISOString() });
      throw new EgressViolationError(url.toString());
    }
    if (!filter.isValidUrl(url.toString())) throw new EgressNotAllowedError(url.toString());

    options.counters.count('egress', url.origin);
    const fault = options.faults.takeEgressFault();
    if (fault?.kind === 'timeout') return hang(init?.signal ?? (input instanceof Request ? input.signal : undefined));
    if (fault?.kind === 'status') {
      return new Response(JSON.stringify({ message: `Simulated upstream failure (${fault.status})` }), {
        status: fault.status,
        headers: { 'content-type': 'application/json' }
      });
    }

    const base = targets.get(url.origin);
    if (!base) throw unreachableHostError(url.hostname);
    const target = new URL(url.pathname + url.search, base);
    const response = await options.hostFetch(input instanceof Request ? new Request(target, input) : target, init);

    if (record && options.faults.killAfterEgress()) {
      // The request reached the server and it answered; the function dies before it can use the answer.
      await response.arrayBuffer();
      throw options.invocations.kill(record.invocationId, `killed right after the egress request to ${url.origin} was delivered`);
    }
    return response;
  }

  return {
    fetch: egressFetch,
    violations,
    declaresAnalyticsEgress: options.declared.some(isAnalytics),
    setAnalyticsEgressAllowed(allowed) {
      filter = filterFor(options.declared, allowed);
    },
    retarget(origin, base) {
      if (base === undefined) targets.delete(new URL(origin).origin);
      else targets.set(new URL(origin).origin, base);
    }
  };
}

const isAnalytics = (entry: EgressEntry): boolean => typeof entry !== 'string' && entry.category?.toUpperCase() === EgressCategory.ANALYTICS;

/** The allow list Forge computes for an installation, analytics toggle applied, as @forge/egress does it. */
function filterFor(declared: readonly EgressEntry[], analyticsAllowed: boolean): EgressFilteringService {
  const egress = declared.map((entry) =>
    typeof entry === 'string'
      ? { type: EgressType.FetchBackendSide, addresses: [entry] }
      : { type: EgressType.FetchBackendSide, addresses: [entry.address], category: isAnalytics(entry) ? EgressCategory.ANALYTICS : undefined }
  );
  const allowed = getEgressesBasedOnToggles({
    overrides: {},
    egress,
    installationConfig: [{ key: 'ALLOW_EGRESS_ANALYTICS', value: analyticsAllowed }]
  });
  return new EgressFilteringService(allowed.flatMap((e) => e.addresses));
}

/** A request nobody answers: it settles only when the caller's signal aborts, as on a dead network. */
function hang(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
