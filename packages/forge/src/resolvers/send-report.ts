import { sendReport as send } from '../engine/send.js';
import type { ResolverHandler } from './define.js';

/** Sends exactly the frozen bytes of a preview, or refuses with nothing sent. */
export const sendReport: ResolverHandler<'sendReport'> = {
  run: (input, caller, deps) => send(deps, input, caller.accountId)
};
