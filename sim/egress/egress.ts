import { EgressFilteringService } from '@forge/egress';
import type { PlatformCounters } from '../counters';
import type { FaultHooks } from '../faults/faults';
import type { InvocationTable } from '../invoke/invocations';
import type { EgressService } from '../runtime/ports';
import { EgressNotAllowedError, unreachableHostError } from './errors';

export interface EgressOptions {
  /** `permissions.external.fetch.backend` addresses from manifest.yml. */
  allowList: readonly string[];
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
export function createEgressService(options: EgressOptions): EgressService & { retarget(origin: string, base: string | undefined): void } {
  const filter = new EgressFilteringService([...options.allowList]);
  const targets = new Map(Object.entries(options.targets).map(([origin, base]) => [new URL(origin).origin, base]));

  async function egressFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const record = options.invocations.enter();
    const url = new URL(input instanceof Request ? input.url : input.toString());
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
    retarget(origin, base) {
      if (base === undefined) targets.delete(new URL(origin).origin);
      else targets.set(new URL(origin).origin, base);
    }
  };
}

/** A request nobody answers: it settles only when the caller's signal aborts, as on a dead network. */
function hang(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return;
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
