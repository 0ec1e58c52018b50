import { setRetention as save } from '../engine/settings.js';
import type { ResolverHandler } from './define.js';

/** How long history keeps sent reports on the site (30 to 730 days); recorded in the ledger. */
export const setRetention: ResolverHandler<'setRetention'> = {
  run: (input, caller, deps) => save(input, { accountId: caller.accountId, now: deps.now() })
};
