import { sendReport as send } from '../engine/send';
import type { ResolverHandler } from './define';

/** Sends exactly the frozen bytes of a preview, or refuses with nothing sent. */
export const sendReport: ResolverHandler<'sendReport'> = {
  run: (input, caller, deps) => send(deps, input, caller.accountId)
};
