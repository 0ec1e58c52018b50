import { ok, type Envelope } from '@usage-reporting/core/api';
import type { ConsentOutput, Product } from '@usage-reporting/core/api';
import type { Catalog } from '@usage-reporting/core';
import type { Restrictions } from '@usage-reporting/core';
import * as transitions from '@usage-reporting/core';
import { loadConsent, loadReports } from '../store/repositories.js';
import { cancelOutbox } from './cancel-outbox.js';
import { commitTransition } from './commit.js';
import { consentView } from './consent-view.js';

/** Consent resolvers' work: read the state, apply the pure transition, commit it with its ledger entries. */
export interface ConsentActor {
  accountId: string;
  now: Date;
  catalog: Catalog;
  /** The installation's product: what it answers lists only the fields this product can send. */
  product: Product;
}

export const STOPPED_REASON = 'Sharing was turned off before this report left the site.';

/**
 * "Send this report" (per-case), "send automatically" (automatic + cadence) or "Don't send" (off).
 * Off is the same stop as a withdrawal (outbox cleared), recorded as the admin's choice of mode.
 */
export async function setConsentMode(
  input: { mode: 'per-case' | 'automatic' | 'off'; cadence?: 'weekly' | 'monthly' | undefined },
  actor: ConsentActor
): Promise<Envelope<ConsentOutput>> {
  const before = await loadConsent();
  const who = { accountId: actor.accountId, now: actor.now };
  if (input.mode === 'off') {
    const stop = transitions.withdraw(before, who);
    const relabelled = { ...stop, ledger: stop.ledger.map((e) => ({ ...e, action: 'set-consent' as const })) };
    const state = await commitTransition(relabelled);
    await cancelOutbox(STOPPED_REASON);
    return view(state, actor);
  }
  const cadence = input.cadence ?? before.cadence;
  const state = await commitTransition(transitions.setConsent(before, { mode: input.mode, cadence }, who, actor.catalog));
  return view(state, actor);
}

export async function acceptFormatVersion(version: number, actor: ConsentActor): Promise<Envelope<ConsentOutput>> {
  const before = await loadConsent();
  const state = await commitTransition(transitions.acceptFormat(before, version, { accountId: actor.accountId, now: actor.now }, actor.catalog));
  return view(state, actor);
}

/**
 * Narrowing restrictions also narrows what queued reports may carry: delivery re-checks coverage
 * before each attempt and cancels a report the new restrictions no longer cover.
 */
export async function setRestrictions(restrictions: Restrictions, actor: ConsentActor): Promise<Envelope<ConsentOutput>> {
  const before = await loadConsent();
  const state = await commitTransition(transitions.setRestrictions(before, restrictions, { accountId: actor.accountId, now: actor.now }));
  return view(state, actor);
}

async function view(state: Awaited<ReturnType<typeof loadConsent>>, actor: ConsentActor): Promise<Envelope<ConsentOutput>> {
  return ok(consentView(state, actor.catalog, actor.product, await loadReports(), actor.now));
}
