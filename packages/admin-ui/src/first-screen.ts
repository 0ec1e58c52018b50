/**
 * The first screen's bridge calls, started as this module evaluates: a Custom UI's entry imports it
 * first, so the page's data and the host's context are on their way while the rest of the page's
 * JavaScript (zod's schemas, the components, the words) is still evaluating, not after its first
 * render. Hand `firstScreen` to <UsageReportingAdminPage firstScreen={firstScreen} />: the page takes
 * these answers once, parsed and checked as any other, and asks anew for every later load.
 *
 * Import it only in a Custom UI's entry: @forge/bridge throws when it loads outside a Forge frame.
 * It imports nothing that builds a schema, so it does not hold up the calls it starts.
 */
import { invoke, view } from '@forge/bridge';
// A type only: the contract's module builds every resolver's schema as it loads.
import type { resolverNamespace } from '@usage-reporting/core/api';
import type { StartedCall } from './api/started-call.js';

export interface FirstScreen {
  /** loadAdminPage, everything the first screen shows, in one resolver call. */
  adminPage: StartedCall;
  /** view.getContext(): the admin's locale, which the page waits for before showing words. */
  hostContext: Promise<unknown>;
}

/** resolverFunctionKey('loadAdminPage'), spelled out: checked against the contract's namespace by type, and by test. */
export const FIRST_SCREEN_FUNCTION_KEY: `${typeof resolverNamespace}.loadAdminPage` = 'usageReporting.loadAdminPage';

export function startFirstScreen(): FirstScreen {
  const payload = {};
  return {
    adminPage: { functionKey: FIRST_SCREEN_FUNCTION_KEY, payload, answer: observed(invoke(FIRST_SCREEN_FUNCTION_KEY, payload)) },
    hostContext: observed(view.getContext())
  };
}

/**
 * The page reads a failure when it takes the answer (an unreachable backend, a host without a
 * context); until then the browser must not report it as unhandled, and a page that never takes it
 * has nothing to show.
 */
function observed<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}

export const firstScreen: FirstScreen = startFirstScreen();
