import { ok } from '../../shared/api/envelope';
import type { LedgerAction } from '../../shared/report/ledger';
import { acceptFormatVersion, setConsentMode, setRestrictions as applyRestrictions } from '../consent/actions';
import { withdrawConsent } from '../consent/withdraw';
import { productionDeps } from '../engine/deps';
import { loadLedger } from '../store/repositories';
import type { CallerContext, ResolverHandler } from './define';

/** The consent resolvers: thin shells over src/consent, each change recorded in the ledger there. */
const actor = (caller: CallerContext) => {
  const deps = productionDeps();
  return { accountId: caller.accountId, now: deps.now(), catalog: deps.catalog };
};

export const setConsent: ResolverHandler<'setConsent'> = {
  run: (input, caller) => setConsentMode(input, actor(caller))
};

export const acceptFormat: ResolverHandler<'acceptFormat'> = {
  run: (input, caller) => acceptFormatVersion(input.version, actor(caller))
};

export const setRestrictions: ResolverHandler<'setRestrictions'> = {
  run: (input, caller) => applyRestrictions(input.restrictions, actor(caller))
};

export const withdraw: ResolverHandler<'withdraw'> = {
  run: (input, caller) => withdrawConsent(productionDeps(), input, caller.accountId)
};

/**
 * Oldest first. Entries written in one transaction share their instant (a withdrawal and the deletion
 * request it made); the change of consent comes first, then what followed from it, so the order reads
 * as it happened instead of by the random part of the key.
 */
export const getLedger: ResolverHandler<'getLedger'> = {
  async run() {
    const entries = (await loadLedger()).map((e) => e.value);
    return ok({ entries: entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : rank(a.action) - rank(b.action) || (a.id < b.id ? -1 : 1))) });
  }
};

const consentActions: readonly LedgerAction[] = ['set-consent', 'accept-format', 'set-restrictions', 'withdraw'];
const rank = (action: LedgerAction): number => (consentActions.includes(action) ? 0 : 1);
