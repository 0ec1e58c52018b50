import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Product } from '@usage-reporting/core/api';
import { createCounters, type PlatformCounters } from './counters.js';
import { createEgressService, type EgressViolation, type SimEgress } from './egress/egress.js';
import { createFaults, isKvsWrite, type SimFaults } from './faults/faults.js';
import { installedEvent, customUiContext, resolverCall, scheduledTriggerEvent, type FunctionArguments } from './invoke/events.js';
import { createInvocationTable } from './invoke/invocations.js';
import { loadHandler, type AppCode } from './invoke/load-app.js';
import { appIdFromAri, buildRuntime, type InstallationIdentity } from './invoke/runtime.js';
import { createInstallations, type SimInstallation } from './installations.js';
import { functionTarget, moduleKeyOf, scheduledTriggerModule, triggerModuleFor, uiModuleFor } from './manifest/functions.js';
import { loadManifest, type SimManifest } from './manifest/load.js';
import { currentInvocation, isInsideInvocation, runInInvocation, setAmbientPlatform } from './runtime/active-platform.js';
import { hostFetch } from './runtime/globals.js';
import type { ForgeRuntimeGlobal, InvocationScope, KvsService, SimPlatformPorts } from './runtime/ports.js';
import { createSimSite, createSiteUsers, type SimSite, type SiteUsers } from './site/index.js';

export interface SimPlatformOptions {
  /** The product the site starts on; the app is installed in Jira and in Confluence either way. */
  product?: Product;
  /** Projects (Jira) or spaces (Confluence) on the site. */
  siteSize?: number;
  /** Each installation's KVS: in memory, or in a file per installation under `dir` (see installations.ts). */
  kvs?: { kind: 'memory' } | { kind: 'file'; dir: string };
  /** Declared egress origin → loopback base URL standing in for it. */
  egressTargets?: Record<string, string>;
  /** The Forge app's directory: its manifest.yml, its handler modules and its .forge-build/. Default: the working directory. */
  appDir?: string;
  /** Default: manifest.yml in `appDir`. */
  manifestPath?: string;
  appVersion?: string;
  now?: () => number;
  /** Forge's per-invocation time limit; a function still running then is killed. Default 25 s. */
  functionTimeoutMs?: number;
  /** Run the app's sources (default) or its @forge/bundler bundle in .forge-build/ (see invoke/load-app.ts). */
  app?: AppCode;
  /** The app's Forge environment variables (`forge variables set`), seen by its code as process.env during invocations. */
  variables?: Record<string, string>;
}

/** Who a resolver call comes from. `product` switches the site, and so the installation, to that product first. */
export interface InvokeAs {
  accountId: string;
  product?: Product;
  /** The acting user's locale, carried in the resolver's context as Forge carries it; default en-US. */
  locale?: string;
}

export interface SimPlatform extends SimPlatformPorts {
  readonly manifest: SimManifest;
  readonly users: SiteUsers;
  readonly site: SimSite;
  readonly counters: PlatformCounters;
  readonly faults: SimFaults;
  readonly egress: SimEgress;
  /**
   * Egress attempts by an app whose manifest declares no `permissions.external` (each also threw in
   * the app): a zero-egress app's suite asserts this stays empty.
   */
  readonly egressViolations: readonly EgressViolation[];
  readonly variables: Readonly<Record<string, string>>;
  /** The installation in the product the site is on now. */
  readonly identity: InstallationIdentity;
  /** The app's installation in `product`: its identity and its own KVS. */
  installation(product: Product): SimInstallation;
  /** Calls a resolver definition through the UI module's resolver function, as Custom UI `invoke()` does. */
  invokeResolver(functionKey: string, payload: unknown, as: InvokeAs): Promise<unknown>;
  /** Fires the manifest's scheduled trigger once, for the installation in the site's product (`product` switches it first). */
  runScheduledTrigger(options?: { product?: Product }): Promise<unknown>;
  /** Sends `avi:forge:installed:app` to the manifest's lifecycle trigger, for the installation in the site's product (`product` switches it first). */
  runLifecycleInstalled(options?: { installerAccountId?: string; product?: Product }): Promise<unknown>;
  /**
   * Runs `fn` as an invocation of `functionKey` (a test driving the SDKs directly, inside the sandbox),
   * on the installation in the site's product (`product` switches it first).
   */
  runAsInvocation<T>(target: { functionKey: string; accountId?: string; product?: Product }, fn: () => Promise<T>): Promise<T>;
  /** The context Custom UI sees (`view.getContext()`), for the bridge host. */
  uiContext(accountId: string, locale?: string): ReturnType<typeof customUiContext>;
  /** Makes this platform answer SDK calls made outside any invocation. */
  activate(): void;
  deactivate(): void;
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 25_000;

export function createSimPlatform(options: SimPlatformOptions = {}): SimPlatform {
  const now = options.now ?? Date.now;
  // Not the manifest's directory: a test may run the app under a variant of its manifest kept elsewhere.
  const appDir = path.resolve(options.appDir ?? process.cwd());
  const manifest = loadManifest(options.manifestPath ?? path.join(appDir, 'manifest.yml'));
  const counters = createCounters();
  const faults = createFaults();
  const invocations = createInvocationTable();
  const users = createSiteUsers();
  const site = createSimSite({
    product: options.product ?? 'jira',
    size: options.siteSize ?? 25,
    users,
    grantedScopes: manifest.scopes,
    onCall: (key) => counters.count('product', key)
  });
  const installations = createInstallations({
    cloudId: site.cloudId,
    appVersion: options.appVersion ?? '1.0.0',
    // The same development environment the bridge host (packages/forge-sim/src/host/context.ts) shows the page.
    environmentId: '0c9b5a5e-1d6f-4d38-9a8e-5f2f3c1b7e42',
    kvs: options.kvs ?? { kind: 'memory' },
    now
  });
  // An invocation stays with the installation it started on, even if the site switches product meanwhile;
  // calls outside any invocation reach the installation of the product the site is on.
  const installationFor = (productOfInvocation: Product | undefined) => installations[productOfInvocation ?? site.product];
  const current = () => installations[site.product];

  const kvs: KvsService = {
    async handle(opPath, body) {
      const record = invocations.enter();
      const op = opPath.split('?')[0] ?? opPath;
      counters.count('kvs', op);
      if (faults.takeKvsFailure(op)) {
        return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: `Simulated KVS failure on ${op}` } };
      }
      const response = await installationFor(record?.product).kvs.handle(opPath, body);
      if (record && isKvsWrite(op) && response.status < 300 && faults.killAfterKvsWrite()) {
        throw invocations.kill(record.invocationId, `killed right after the KVS write ${op}`);
      }
      return response;
    }
  };

  const egress = createEgressService({
    declared: manifest.external.fetch?.backend ?? [],
    zeroEgress: manifest.raw.permissions.external === undefined,
    targets: options.egressTargets ?? {},
    hostFetch: hostFetch(),
    faults,
    counters,
    invocations
  });

  const product: SimPlatformPorts['product'] = {
    handle(request) {
      invocations.enter();
      return site.handle(request);
    }
  };

  const handlers = new Map<string, ReturnType<typeof loadHandler>>();
  const handlerFor = (functionKey: string) => {
    let handler = handlers.get(functionKey);
    if (!handler) {
      handler = loadHandler(appDir, functionTarget(manifest, functionKey), options.app);
      handlers.set(functionKey, handler);
    }
    return handler;
  };

  const timeoutFor = (functionKey: string) => {
    const declared = manifest.raw.modules.function.find((f) => f.key === functionKey)?.timeoutSeconds;
    return declared !== undefined ? declared * 1000 : options.functionTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  };

  function invoke<T>(
    target: { functionKey: string; moduleKey: string; accountId?: string },
    run: (invocationId: string) => Promise<T>
  ): Promise<T> {
    const invocationId = randomUUID();
    counters.count('invocations', target.functionKey);
    invocations.start({
      invocationId,
      functionKey: target.functionKey,
      moduleKey: target.moduleKey,
      product: site.product,
      accountId: target.accountId,
      deadline: now() + timeoutFor(target.functionKey)
    });
    const scope: InvocationScope = { invocationId, accountId: target.accountId, moduleKey: target.moduleKey };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(invocations.kill(invocationId, `exceeded the ${timeoutFor(target.functionKey)} ms time limit`)), timeoutFor(target.functionKey));
      timer.unref();
    });
    const body = runInInvocation(platform, scope, () => run(invocationId));
    return Promise.race([body, deadline]).then(
      (value) => settle(invocationId, timer, () => value),
      (error: unknown) => settle(invocationId, timer, () => Promise.reject(error))
    );
  }

  // A killed invocation ends in the kill error whatever the app's code went on to return or throw.
  function settle<T>(invocationId: string, timer: NodeJS.Timeout | undefined, outcome: () => T | Promise<T>): T | Promise<T> {
    clearTimeout(timer);
    const record = invocations.end(invocationId);
    if (record?.killed) return Promise.reject(record.killed);
    return outcome();
  }

  async function callHandler(functionKey: string, args: FunctionArguments): Promise<unknown> {
    const result = await handlerFor(functionKey)(args.event, args.context);
    // Forge returns what crosses the wire: JSON, not live objects.
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  }

  const uiContext = (accountId: string, locale?: string) =>
    customUiContext({ ui: uiModuleFor(manifest, site.product), identity: current().identity, appId: appIdFromAri(manifest.appId), siteUrl: site.siteUrl, accountId, locale });

  const switchProduct = (next: Product | undefined) => {
    if (next && next !== site.product) site.configure({ product: next });
  };

  const platform: SimPlatform = {
    manifest,
    users,
    site,
    counters,
    faults,
    egress,
    egressViolations: egress.violations,
    variables: { ...(options.variables ?? {}) },
    get identity() {
      return current().identity;
    },
    installation: (which) => installations[which],
    kvs,
    product,
    runtimeFor(scope: InvocationScope): ForgeRuntimeGlobal {
      const record = invocations.get(scope.invocationId);
      return buildRuntime(manifest, installationFor(record?.product).identity, scope.invocationId, record, now);
    },
    invokeResolver(functionKey, payload, as) {
      switchProduct(as.product);
      const ui = uiModuleFor(manifest, site.product);
      return invoke({ functionKey: ui.resolverFunction, moduleKey: ui.moduleKey, accountId: as.accountId }, () =>
        callHandler(ui.resolverFunction, resolverCall({ functionKey, payload, uiContext: uiContext(as.accountId, as.locale), identity: current().identity }))
      );
    },
    runScheduledTrigger(opts = {}) {
      switchProduct(opts.product);
      const t = scheduledTriggerModule(manifest);
      return invoke({ functionKey: t.functionKey, moduleKey: t.moduleKey }, (invocationId) =>
        callHandler(t.functionKey, scheduledTriggerEvent({ moduleKey: t.moduleKey, identity: current().identity, invocationId }))
      );
    },
    runLifecycleInstalled(opts = {}) {
      switchProduct(opts.product);
      const t = triggerModuleFor(manifest, 'avi:forge:installed:app');
      return invoke({ functionKey: t.functionKey, moduleKey: t.moduleKey }, () =>
        callHandler(t.functionKey, installedEvent({ identity: current().identity, appAri: manifest.appId, installerAccountId: opts.installerAccountId ?? users.admin }))
      );
    },
    runAsInvocation(target, fn) {
      switchProduct(target.product);
      const moduleKey = moduleKeyOf(manifest, target.functionKey, site.product);
      return invoke({ functionKey: target.functionKey, moduleKey, accountId: target.accountId }, () => fn());
    },
    uiContext,
    activate() {
      setAmbientPlatform(platform);
    },
    deactivate() {
      // Outside an invocation currentInvocation() is the ambient one: detach only if it is ours.
      if (!isInsideInvocation() && currentInvocation()?.platform === platform) setAmbientPlatform(undefined);
    },
    close() {
      platform.deactivate();
      faults.clear();
    }
  };
  return platform;
}
