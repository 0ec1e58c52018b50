import { ok } from '@usage-reporting/core/api';
import { acceptFormatVersion, setConsentMode, setRestrictions as applyRestrictions } from '../consent/actions.js';
import { withdrawConsent } from '../consent/withdraw.js';
import type { EngineDeps } from '../engine/deps.js';
import { loadLedger } from '../store/repositories.js';
import type { CallerContext, ResolverHandler } from './define.js';

/** The consent resolvers: thin shells over src/consent, each change recorded in the ledger there. */
const actor = (caller: CallerContext, deps: EngineDeps) => {
  return { accountId: caller.accountId, now: deps.now(), catalog: deps.catalog, product: caller.product };
};

export const setConsent: ResolverHandler<'setConsent'> = {
  run: (input, caller, deps) => setConsentMode(input, actor(caller, deps))
};

export const acceptFormat: ResolverHandler<'acceptFormat'> = {
  run: (input, caller, deps) => acceptFormatVersion(input.version, actor(caller, deps))
};

export const setRestrictions: ResolverHandler<'setRestrictions'> = {
  run: (input, caller, deps) => applyRestrictions(input.restrictions, actor(caller, deps))
};

export const withdraw: ResolverHandler<'withdraw'> = {
  run: (input, caller, deps) => withdrawConsent(deps, input, caller.accountId)
};

/**
 * Oldest first, in the order the entries were written: the ledger's keys carry the instant and then
 * this process's monotonic clock (repositories.ts ledgerWrite), so a withdrawal and the deletion
 * request it made read in that order, and so does a send followed by a withdrawal in the same
 * millisecond. (Re-sorting here by kind of action once put that withdrawal before the send.)
 */
export const getLedger: ResolverHandler<'getLedger'> = {
  async run() {
    return ok({ entries: (await loadLedger()).map((e) => e.value) });
  }
};
