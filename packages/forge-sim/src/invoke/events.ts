import type { Product } from '@usage-reporting/core/api';
import type { UiModule } from '../manifest/functions.js';
import { DEFAULT_LOCALE } from '../locale.js';
import { installationOf, type InstallationIdentity } from './runtime.js';

/**
 * The two arguments Forge passes a function: the module's event and the invocation context
 * (`installContext`, `principal`, `installation`, ...), per Forge's function-argument reference.
 */
export interface FunctionArguments<E = unknown> {
  event: E;
  context: Record<string, unknown>;
}

/** What @forge/resolver's definitions handler receives for a Custom UI `invoke()`. */
export interface ResolverInvokeEvent {
  call: { functionKey: string; payload?: unknown; jobId?: string };
  context: Record<string, unknown>;
}

export function installContextFor(product: Product, cloudId: string): string {
  return `ari:cloud:${product}::site/${cloudId}`;
}

/** The context a Custom UI page carries into a resolver call (what `view.getContext()` also shows). */
export function customUiContext(args: {
  ui: UiModule;
  identity: InstallationIdentity;
  appId: string;
  siteUrl: string;
  accountId: string;
  /** The acting user's locale as Forge writes it (`de-DE`); default `en-US`. */
  locale?: string;
}) {
  return {
    accountId: args.accountId,
    cloudId: args.identity.cloudId,
    environmentId: args.identity.environmentId,
    environmentType: 'DEVELOPMENT',
    extension: { type: args.ui.extensionType },
    localId: `ari:cloud:ecosystem::extension/${args.appId}/${args.identity.environmentId}/static/${args.ui.moduleKey}`,
    locale: args.locale ?? DEFAULT_LOCALE,
    moduleKey: args.ui.moduleKey,
    siteUrl: args.siteUrl,
    timezone: 'UTC'
  };
}

/** `invoke(functionKey, payload)` from Custom UI, as @forge/resolver's definitions handler receives it. */
export function resolverCall(args: {
  functionKey: string;
  payload: unknown;
  uiContext: ReturnType<typeof customUiContext>;
  identity: InstallationIdentity;
}): FunctionArguments<ResolverInvokeEvent> {
  return {
    event: { call: { functionKey: args.functionKey, payload: args.payload }, context: args.uiContext },
    context: {
      principal: { accountId: args.uiContext.accountId },
      installContext: args.identity.installContext,
      installation: installationOf(args.identity)
    }
  };
}

/** A scheduled trigger firing: no user, a context token that means nothing to the app. */
export function scheduledTriggerEvent(args: { moduleKey: string; identity: InstallationIdentity; invocationId: string }): FunctionArguments {
  return {
    event: {
      context: { cloudId: args.identity.cloudId, moduleKey: args.moduleKey },
      contextToken: Buffer.from(`sim-context-token:${args.invocationId}`).toString('base64url')
    },
    context: { installContext: args.identity.installContext, installation: installationOf(args.identity) }
  };
}

/** `avi:forge:installed:app`, sent once when the app is installed on a site. */
export function installedEvent(args: {
  identity: InstallationIdentity;
  appAri: string;
  installerAccountId: string | undefined;
}): FunctionArguments {
  return {
    event: {
      eventType: 'avi:forge:installed:app',
      id: args.identity.installationId,
      ...(args.installerAccountId ? { installerAccountId: args.installerAccountId } : {}),
      app: { id: args.appAri, version: args.identity.appVersion },
      environment: { id: args.identity.environmentId },
      context: { cloudId: args.identity.cloudId }
    },
    context: { installContext: args.identity.installContext, installation: installationOf(args.identity) }
  };
}
