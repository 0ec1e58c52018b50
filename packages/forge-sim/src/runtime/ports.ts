/**
 * The seams of the simulated Forge platform. The runtime globals (globals.ts) route every SDK call
 * to one of these ports on the platform of the current invocation.
 */

/** What a simulated platform service answers: a status and a JSON body (or none). */
export interface SimHttpResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The KVS REST service that @forge/kvs talks to (`/api/v1/get`, `/api/v1/set`, ...). */
export interface KvsService {
  handle(path: string, body: unknown): Promise<SimHttpResponse>;
}

/** A product REST call as the Forge proxy sees it (`requestJira`, `asUser().requestConfluence`, ...). */
export interface ProductRequest {
  remote: string;
  provider: 'user' | 'app' | 'none' | string;
  accountId?: string;
  path: string;
  method: string;
  body?: string;
}

export interface ProductService {
  handle(request: ProductRequest): Promise<SimHttpResponse>;
}

/** Egress from app code through the global `fetch`, limited to what the manifest declares. */
export interface EgressService {
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

/** Who and what an invocation is running as. */
export interface InvocationScope {
  invocationId: string;
  accountId?: string;
  moduleKey?: string;
}

/** The per-invocation object the real Forge runtime exposes as `global.__forge_runtime__`. */
export type ForgeRuntimeGlobal = Record<string, unknown>;

/** A platform the runtime globals can route to. packages/forge-sim/src/platform.ts builds the real one. */
export interface SimPlatformPorts {
  kvs: KvsService;
  product: ProductService;
  egress: EgressService;
  /** The app's Forge environment variables (`forge variables set`), which its code reads as process.env inside an invocation. */
  readonly variables?: Readonly<Record<string, string>>;
  runtimeFor(scope: InvocationScope): ForgeRuntimeGlobal;
}
