import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { DEFAULT_LOCALE } from '../locale.js';
import { contextApi, invokeApi, isLocaleTag, scheduledApi, type ApiResponse } from './api.js';
import { browserScript, browserStylesheet } from './browser-assets.js';
import { forgeCustomUiCsp } from './csp.js';
import { hostPageCsp, renderHostPage } from './host-page.js';
import { loadManifestUi, type ManifestUi } from './manifest-ui.js';
import { createNetworkSwitches } from './network.js';
import { otherLoopbackOrigin, requestOrigin } from './origins.js';
import type { HostPlatform } from './platform-port.js';
import { injectBridgeScript, readResourceFile } from './resource.js';

/**
 * The bridge host: one HTTP server answering as two origins. The product page (and its backend
 * calls) on one loopback name, the Custom UI on the other (localhost ↔ 127.0.0.1), so the app runs
 * cross-origin in its iframe as on Forge's CDN, and postMessage origin checks mean something.
 */
export interface BridgeHostOptions {
  platform: HostPlatform;
  manifestPath: string;
  /** Serve this folder instead of the manifest's resource (a test fixture app). */
  resourceDir?: string;
  /** 0 picks a free port. */
  port: number;
  /** The collector standing in for the manifest's analytics host, for the "Collector" switch. */
  collector?: { origin: string; url: string };
  /** Loopback only by default: the runner is a local tool and carries no authentication. */
  listenHost?: string;
  log?: (line: string) => void;
}

export interface CspViolation {
  documentUri: string;
  violatedDirective: string;
  blockedUri: string;
}

export interface BridgeHost {
  /** The product page, e.g. http://localhost:3000/ */
  url: string;
  port: number;
  cspViolations: readonly CspViolation[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;
const cspReportSchema = z.object({
  'csp-report': z.object({ 'document-uri': z.string().default(''), 'violated-directive': z.string().default(''), 'blocked-uri': z.string().default('') })
});

export async function startBridgeHost(options: BridgeHostOptions): Promise<BridgeHost> {
  const manifest = withResourceOverride(loadManifestUi(options.manifestPath), options.resourceDir);
  const log = options.log ?? (() => undefined);
  const violations: CspViolation[] = [];
  const network = createNetworkSwitches({ egress: options.platform.egress, collector: options.collector });
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`bridge host: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error in the simulated Forge host; see the runner output.');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const self = requestOrigin(req.headers.host, port);
    if (!self) {
      // Refusing other Host names keeps DNS-rebinding pages away from the resolver endpoint.
      send(res, 421, 'text/plain; charset=utf-8', `Open the runner at http://localhost:${port}/`);
      return;
    }
    const other = otherLoopbackOrigin(self);
    const url = new URL(req.url ?? '/', self);
    const route = `${req.method ?? 'GET'} ${url.pathname}`;

    if (route === 'GET /') {
      res.setHeader('content-security-policy', hostPageCsp(other));
      send(
        res,
        200,
        'text/html; charset=utf-8',
        renderHostPage({
          frameOrigin: other,
          resourcePaths: resourcePaths(manifest),
          appTitle: manifest.modules.jira.title,
          initial: initialState(url),
          network: { ...network.state(), hasCollector: options.collector !== undefined, hasAnalyticsEgress: options.platform.egress.declaresAnalyticsEgress }
        })
      );
      return;
    }
    if (route === 'GET /__host/host.js') return send(res, 200, 'text/javascript; charset=utf-8', browserScript('host-page'));
    if (route === 'GET /__host/host.css') return send(res, 200, 'text/css; charset=utf-8', browserStylesheet('host'));
    if (route === 'GET /__host/api/context') return sendApi(res, contextApi(options.platform, url.searchParams));
    if (route === 'GET /__host/api/counters') return sendApi(res, { status: 200, body: options.platform.counters.snapshot() });
    if (route === 'GET /__host/api/network') return sendApi(res, { status: 200, body: network.state() });
    if (route === 'POST /__host/api/invoke' || route === 'POST /__host/api/scheduled' || route === 'POST /__host/api/network') {
      // Only the product page itself may call its backend; the framed app (another origin) may not.
      if (req.headers.origin !== self) return sendApi(res, { status: 403, body: { ok: false, message: 'Cross-origin call refused.' } });
      const body = await readJson(req);
      if (route.endsWith('/network')) return sendApi(res, network.change(body));
      return sendApi(res, route.endsWith('/invoke') ? await invokeApi(options.platform, body) : await scheduledApi(options.platform, body));
    }
    if (route === 'GET /__forge/bridge.js') return send(res, 200, 'text/javascript; charset=utf-8', browserScript('bridge-shim'));
    if (route === 'POST /__forge/csp-report') {
      const report = cspReportSchema.safeParse(await readJson(req));
      if (report.success) {
        const r = report.data['csp-report'];
        violations.push({ documentUri: r['document-uri'], violatedDirective: r['violated-directive'], blockedUri: r['blocked-uri'] });
        log(`CSP violation in the Custom UI: ${r['violated-directive']} blocked ${r['blocked-uri'] || '(inline)'} on ${r['document-uri']}`);
      }
      return send(res, 204, 'text/plain', '');
    }
    if (req.method === 'GET') {
      const resource = Object.values(manifest.modules).find((m) => url.pathname.startsWith(`/${m.resourceKey}/`));
      if (resource) return serveResource(res, resource.resourceDir, url.pathname.slice(resource.resourceKey.length + 2), other, `${self}/__forge/csp-report`);
    }
    send(res, 404, 'text/plain; charset=utf-8', `Nothing at ${url.pathname}`);
  }

  async function serveResource(res: ServerResponse, dir: string, relative: string, hostOrigin: string, reportUri: string): Promise<void> {
    const file = await readResourceFile(dir, relative);
    if (!file) {
      const missingBuild = relative === '' || relative === 'index.html';
      send(res, missingBuild ? 503 : 404, 'text/plain; charset=utf-8', missingBuild ? `The Custom UI is not built: no index.html in ${dir}. Run \`npm run build:ui\`.` : `No file ${relative} in the resource.`);
      return;
    }
    if (!file.isDocument) return send(res, 200, file.contentType, file.body);
    const html = file.body.toString('utf8');
    res.setHeader('content-security-policy', forgeCustomUiCsp({ indexHtml: html, permissions: manifest.permissions, hostOrigin, reportUri }));
    send(res, 200, file.contentType, injectBridgeScript(html, hostOrigin));
  }

  // The host's own scripts are compiled before it serves a page, so no first page waits on the compiler
  // (the first transpile warms the TypeScript compiler up: about 50 ms, and more on a busy machine).
  browserScript('host-page');
  browserScript('bridge-shim');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.listenHost ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!isAddressInfo(address)) throw new Error('The bridge host is not listening on a TCP port.');
  port = address.port;

  return {
    url: `http://localhost:${port}/`,
    port,
    cspViolations: violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })
  };
}

function isAddressInfo(address: string | AddressInfo | null): address is AddressInfo {
  return typeof address === 'object' && address !== null;
}

function withResourceOverride(manifest: ManifestUi, resourceDir: string | undefined): ManifestUi {
  if (!resourceDir) return manifest;
  return {
    ...manifest,
    modules: { jira: { ...manifest.modules.jira, resourceDir }, confluence: { ...manifest.modules.confluence, resourceDir } }
  };
}

function resourcePaths(manifest: ManifestUi) {
  return { jira: `/${manifest.modules.jira.resourceKey}/index.html`, confluence: `/${manifest.modules.confluence.resourceKey}/index.html` };
}

function initialState(url: URL) {
  const q = url.searchParams;
  return {
    product: q.get('product') === 'confluence' ? ('confluence' as const) : ('jira' as const),
    as: q.get('as') === 'member' ? ('member' as const) : ('admin' as const),
    theme: q.get('theme') === 'dark' ? ('dark' as const) : ('light' as const),
    // The acting user's locale for view.getContext() (`?locale=de-DE`); a tag that is not one is ignored.
    locale: localeParam(q.get('locale')) ?? DEFAULT_LOCALE
  };
}

function localeParam(value: string | null): string | null {
  return value !== null && isLocaleTag(value) ? value : null;
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}

function sendApi(res: ServerResponse, response: ApiResponse): void {
  send(res, response.status, 'application/json; charset=utf-8', JSON.stringify(response.body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
