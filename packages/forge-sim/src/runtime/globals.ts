import { currentInvocation, isInsideInvocation } from './active-platform.js';
import type { SimHttpResponse } from './ports.js';

/**
 * Installs the globals the real Forge SDKs call: `__forge_runtime__`, `__forge_fetch__` and the
 * sandbox's `fetch`. Call it before @forge/api is first loaded: @forge/api captures `fetch` at import.
 * Idempotent, so jest setup and the local runner can both call it.
 */
const INSTALLED = Symbol.for('usage-reporting.sim.globals');

type ForgeFetchDescriptor = { type: string; provider?: string; remote?: string; accountId?: string };

interface GlobalSlots {
  [INSTALLED]?: { originalFetch: typeof fetch };
  __forge_runtime__?: unknown;
  __forge_fetch__?: unknown;
  fetch: typeof fetch;
}

export function installForgeGlobals(): void {
  const g = globalThis as unknown as GlobalSlots;
  if (g[INSTALLED]) return;
  const originalFetch = g.fetch.bind(globalThis);
  g[INSTALLED] = { originalFetch };

  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get() {
      const active = currentInvocation();
      return active ? active.platform.runtimeFor(active.scope) : undefined;
    }
  });

  g.__forge_fetch__ = async (descriptor: ForgeFetchDescriptor, path: string, init?: RequestInit): Promise<Response> => {
    const active = currentInvocation();
    if (!active) throw new Error('Forge runtime not found: no simulated platform is active for this call.');
    const { platform, scope } = active;
    if (descriptor.type === 'kvs') {
      return toResponse(await platform.kvs.handle(path, parseBody(init?.body)));
    }
    if (descriptor.type === 'fpp') {
      return toResponse(
        await platform.product.handle({
          remote: descriptor.remote ?? '',
          provider: descriptor.provider ?? 'none',
          accountId: descriptor.provider === 'user' ? descriptor.accountId ?? scope.accountId : undefined,
          path,
          method: (init?.method ?? 'GET').toUpperCase(),
          body: typeof init?.body === 'string' ? init.body : undefined
        })
      );
    }
    // Remotes, containers and email are not part of this app; say so instead of pretending.
    return toResponse({ status: 501, body: { code: 'NOT_SIMULATED', message: `Forge fetch type '${descriptor.type}' is not simulated` } });
  };

  installEnvironment();

  // Inside an invocation `fetch` is the sandbox's, limited to declared egress; outside (test code,
  // the runner's own plumbing) it is the machine's ordinary fetch.
  g.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const active = isInsideInvocation() ? currentInvocation() : undefined;
    return active ? active.platform.egress.fetch(input, init) : originalFetch(input, init);
  }) as typeof fetch;
}

/** The machine's own fetch, for code that must bypass the sandbox (the runner, test helpers). */
export function hostFetch(): typeof fetch {
  const g = globalThis as unknown as GlobalSlots;
  return g[INSTALLED]?.originalFetch ?? g.fetch;
}

function parseBody(body: RequestInit['body'] | undefined): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  return JSON.parse(body);
}

function toResponse(r: SimHttpResponse): Response {
  const headers = new Headers(r.headers);
  if (r.body === undefined) return new Response(null, { status: r.status, headers });
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(r.body), { status: r.status, headers });
}

/**
 * Forge environment variables (`forge variables set NAME value`) reach app code as process.env. Here
 * process.env becomes a view that, inside an invocation, shows the invocation's platform variables
 * over the machine's environment; outside one (test code, the runner) it is the machine's as before.
 * Writes go to the machine's environment, as they would have.
 */
function installEnvironment(): void {
  const machine = process.env;
  const variables = (): Readonly<Record<string, string>> | undefined => (isInsideInvocation() ? currentInvocation()?.platform.variables : undefined);
  const has = (vars: Readonly<Record<string, string>> | undefined, key: string | symbol): vars is Readonly<Record<string, string>> =>
    typeof key === 'string' && vars !== undefined && Object.hasOwn(vars, key);
  process.env = new Proxy(machine, {
    get(target, key) {
      const vars = variables();
      return has(vars, key) ? vars[key as string] : Reflect.get(target, key);
    },
    has(target, key) {
      return has(variables(), key) || Reflect.has(target, key);
    },
    ownKeys(target) {
      return [...new Set([...Reflect.ownKeys(target), ...Object.keys(variables() ?? {})])];
    },
    getOwnPropertyDescriptor(target, key) {
      const vars = variables();
      if (has(vars, key)) return { value: vars[key as string], writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    }
  });
}
