import type { Product } from '@usage-reporting/core/api';
import type { ProductRequest, ProductService, SimHttpResponse } from '../runtime/ports.js';
import { confluenceRoutes } from './confluence.js';
import { createPersonalData, REPORT_ACCOUNTS_PATH, type SimPersonalData } from './personal-data.js';
import { jiraRoutes } from './jira.js';
import { userBulkRoutes } from './user-bulk.js';
import type { SiteRoute } from './routes.js';
import { siteShape, type SiteShape } from './shape.js';
import { missingScopes, specScopes, type ScopeRequirement } from './spec-scopes.js';
import type { SiteUsers } from './users.js';

/**
 * A simulated Jira or Confluence Cloud site behind Forge's product proxy: it answers
 * `requestJira` / `requestConfluence` calls, refuses endpoints whose scope the manifest does not
 * declare, and counts calls so tests and the bench can see what a report costs.
 */
export interface SimSite extends ProductService {
  readonly product: Product;
  readonly size: number;
  readonly shape: SiteShape;
  readonly cloudId: string;
  readonly siteUrl: string;
  /** Switches product and/or size; the same (product, size) always yields the same site. */
  configure(options: { product?: Product; size?: number }): void;
  /** Product REST calls answered so far (refused ones included: they cost a round trip too). */
  readonly calls: number;
  /** Atlassian's personal data reporting API (closed and updated accounts). */
  readonly personalData: SimPersonalData;
}

export interface SimSiteOptions {
  product: Product;
  size: number;
  users: SiteUsers;
  /** The scopes the app holds: manifest.yml's `permissions.scopes`. */
  grantedScopes: readonly string[];
  cloudId?: string;
  siteUrl?: string;
  /** Told about every call (the platform's counters). */
  onCall?: (key: string) => void;
}

const ROUTES: readonly SiteRoute[] = [...jiraRoutes, ...confluenceRoutes, ...userBulkRoutes];
const PLACEHOLDER_BASE = 'https://site.invalid';

export function createSimSite(options: SimSiteOptions): SimSite {
  ROUTES.forEach(requiredScopes);
  let shape = siteShape(options.product, options.size);
  let calls = 0;
  const cloudId = options.cloudId ?? 'a436116f-02ce-4520-8fbb-7301462a1674';
  const siteUrl = options.siteUrl ?? 'https://usage-reporting-sim.atlassian.net';
  const granted = new Set(options.grantedScopes);
  const personalData = createPersonalData();

  async function handle(request: ProductRequest): Promise<SimHttpResponse> {
    calls += 1;
    const url = new URL(request.path, PLACEHOLDER_BASE);
    options.onCall?.(`${request.method} ${url.pathname}`);

    // asUser() with no user to act for (a scheduled trigger, a lifecycle event): Forge's proxy
    // answers with a proxy error the SDK turns into NeedsAuthenticationError.
    if (request.provider === 'user' && !request.accountId) {
      return { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } };
    }
    // The Atlassian API (stargate) as the app: only the personal data reporting endpoint is simulated.
    if (request.remote === 'stargate' && request.provider === 'app' && request.method === 'POST' && url.pathname === REPORT_ACCOUNTS_PATH) {
      return personalData.handle(parseJson(request.body));
    }
    if (request.remote !== 'jira' && request.remote !== 'confluence') {
      return { status: 501, body: { code: 'NOT_SIMULATED', message: `Product '${request.remote}' is not simulated` } };
    }
    if (request.remote !== shape.product) {
      // The app is installed on one product; Forge does not route a Jira call from a Confluence site.
      return { status: 404, body: notFoundBody(request.remote, url.pathname) };
    }
    const route = ROUTES.find((r) => r.product === shape.product && r.path === url.pathname && r.method === request.method);
    if (!route) return { status: 404, body: notFoundBody(shape.product, url.pathname) };
    // Decided from Atlassian's own OpenAPI tables, as `forge lint` decides (spec-scopes.ts): the
    // simulator and the linter cannot disagree about what the manifest must declare.
    const required = requiredScopes(route);
    if (missingScopes([...granted], required).length > 0) return scopeRefusal(route, required, [...granted]);

    return route.handle({
      query: url.searchParams,
      body: parseJson(request.body),
      accountId: request.provider === 'user' ? request.accountId : undefined,
      shape,
      users: options.users,
      isClosed: personalData.isClosed,
      siteUrl
    });
  }

  return {
    handle,
    get product() {
      return shape.product;
    },
    get size() {
      return shape.size;
    },
    get shape() {
      return shape;
    },
    get calls() {
      return calls;
    },
    cloudId,
    siteUrl,
    personalData,
    configure(next) {
      shape = siteShape(next.product ?? shape.product, next.size ?? shape.size);
    }
  };
}

/** The endpoint table, for tests that check every declared scope is needed by some endpoint. */
export function siteRoutes(): readonly SiteRoute[] {
  return ROUTES;
}

/**
 * What an endpoint requires, from the pinned specs. Every simulated endpoint must be in them: a route
 * they do not know would be one `forge lint` checks nothing for, so the site refuses to be built with it.
 */
export function requiredScopes(route: SiteRoute): ScopeRequirement {
  const required = specScopes(route.product, route.method, route.path);
  if (!required) throw new Error(`The simulated ${route.product} endpoint ${route.method} ${route.path} is not in the pinned specs (forge-specs/); add it there first.`);
  return required;
}

function scopeRefusal(route: SiteRoute, required: ScopeRequirement, granted: string[]): SimHttpResponse {
  const groups = [required.current, required.beta].filter((group) => group.length > 0);
  const message =
    `Access to the resource was denied due to missing scope grants. Your app was granted the following scopes: [${granted.join(', ')}].\n` +
    `The resource can be accessed by having one of these groups of scopes:\n${groups.map((g) => ` * [${g.join(', ')}]`).join('\n')}\n`;
  return route.product === 'jira'
    ? { status: 403, body: { errorMessages: [message], errors: {} } }
    : { status: 403, body: { statusCode: 403, message } };
}

function notFoundBody(product: string, pathname: string): unknown {
  return product === 'jira'
    ? { errorMessages: [`No endpoint ${pathname} on the simulated Jira site.`], errors: {} }
    : { statusCode: 404, message: `No endpoint ${pathname} on the simulated Confluence site.` };
}

function parseJson(body: string | undefined): unknown {
  if (body === undefined || body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
