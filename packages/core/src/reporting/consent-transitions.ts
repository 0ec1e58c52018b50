import type { Catalog } from '../catalog/index.js';
import { canonicalJson } from '../report/canonical-json.js';
import { normalizeRestrictions, type ConsentState, type Restrictions } from '../report/consent.js';
import type { LedgerAction, LedgerChange, LedgerEntry } from '../report/ledger.js';

/**
 * Consent changes as pure functions: the new state plus the ledger entries that record it.
 * A change that changes nothing returns the same state and no entry (idempotent, like glean's
 * setUploadEnabled), so a double click never fills the ledger.
 */
export type PendingLedgerEntry = Omit<LedgerEntry, 'id'>;
export interface Transition {
  state: ConsentState;
  ledger: PendingLedgerEntry[];
  changed: boolean;
}

export interface Actor {
  accountId: string;
  now: Date;
}

export function setConsent(
  state: ConsentState,
  input: { mode: 'per-case' | 'automatic'; cadence?: ConsentState['cadence'] },
  actor: Actor,
  catalog: Catalog
): Transition {
  // The first consent accepts the format the admin has just reviewed; later formats need acceptFormat.
  const acceptedFormat = state.acceptedFormat === 0 ? catalog.formatVersion : state.acceptedFormat;
  return apply(state, { mode: input.mode, cadence: input.cadence ?? state.cadence, acceptedFormat }, 'set-consent', actor);
}

export function acceptFormat(state: ConsentState, version: number, actor: Actor, catalog: Catalog): Transition {
  const target = Math.min(version, catalog.formatVersion);
  if (target <= state.acceptedFormat) return unchanged(state);
  return apply(state, { acceptedFormat: target }, 'accept-format', actor);
}

export function setRestrictions(state: ConsentState, restrictions: Restrictions, actor: Actor): Transition {
  return apply(state, { restrictions: normalizeRestrictions(restrictions) }, 'set-restrictions', actor);
}

export function withdraw(state: ConsentState, actor: Actor): Transition {
  return apply(state, { mode: 'off' }, 'withdraw', actor);
}

/** A per-case send is itself a consent: to exactly the bytes with this digest. */
export function perCaseSendEntry(state: ConsentState, digest: string, actor: Actor): PendingLedgerEntry {
  return { at: actor.now.toISOString(), accountId: actor.accountId, action: 'send-per-case', changes: [], formatVersion: state.acceptedFormat, digest };
}

export function actionEntry(
  state: ConsentState,
  action: LedgerAction,
  changes: LedgerChange[],
  actor: Actor
): PendingLedgerEntry {
  return { at: actor.now.toISOString(), accountId: actor.accountId, action, changes, formatVersion: state.acceptedFormat };
}

function apply(state: ConsentState, patch: Partial<ConsentState>, action: LedgerAction, actor: Actor): Transition {
  const next: ConsentState = { ...state, ...patch };
  const changes = diffConsent(state, next);
  if (changes.length === 0) return unchanged(state);
  const stamped: ConsentState = { ...next, revision: state.revision + 1, changedAt: actor.now.toISOString() };
  return { state: stamped, changed: true, ledger: [actionEntry(stamped, action, changes, actor)] };
}

const unchanged = (state: ConsentState): Transition => ({ state, ledger: [], changed: false });

export function diffConsent(before: ConsentState, after: ConsentState): LedgerChange[] {
  const pairs: Array<[string, unknown, unknown]> = [
    ['mode', before.mode, after.mode],
    ['cadence', before.cadence, after.cadence],
    ['acceptedFormat', before.acceptedFormat, after.acceptedFormat],
    ['restrictions.categories', before.restrictions.categories, after.restrictions.categories],
    ['restrictions.fields', before.restrictions.fields, after.restrictions.fields],
    ['restrictions.purposes', before.restrictions.purposes, after.restrictions.purposes]
  ];
  return pairs
    .filter(([, a, b]) => canonicalJson(a) !== canonicalJson(b))
    .map(([path, from, to]) => ({ path, from: toJson(from), to: toJson(to) }));
}

const toJson = (v: unknown): LedgerChange['from'] => JSON.parse(canonicalJson(v)) as LedgerChange['from'];

/** What a draft must still match at send time: the parts of consent that decide which fields appear. */
export const coverageKey = (state: ConsentState, acceptedFormat: number): string =>
  canonicalJson({ acceptedFormat, restrictions: normalizeRestrictions(state.restrictions) });
