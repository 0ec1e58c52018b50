import fc from 'fast-check';
import {
  acceptFormat,
  allPurposes,
  categorySchema,
  countMetric,
  initialConsent,
  makeCatalog,
  metricCatalog,
  setConsent,
  setRestrictions,
  withdraw,
  type Actor,
  type Catalog,
  type ConsentState,
  type Restrictions,
  type Transition
} from '../src';

/** Generators the core property suites share: consent actions, reachable states, catalogs. */

export const actor = (accountId: string, now: Date): Actor => ({ accountId, now });

export const accountId = fc.constantFrom('557058:0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a', '712020:c0ffee00-1234-4abc-8def-001122334455');
export const instant = fc.date({ min: new Date('2020-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true });

/** Restrictions the restrictions schema accepts, duplicates and any order included: the transitions normalise them. */
export function restrictionsFor(catalog: Catalog): fc.Arbitrary<Restrictions> {
  const keys = catalog.entries.map((e) => e.key);
  return fc.record({
    categories: fc.array(fc.constantFrom(...categorySchema.options), { maxLength: 2 }),
    // A key the catalog does not (yet) have is a valid restriction too: the admin may exclude it in advance.
    fields: fc.array(fc.oneof(fc.constantFrom(...keys), fc.constant('future.field')), { maxLength: 6 }),
    purposes: fc.shuffledSubarray([...allPurposes], { minLength: 1 })
  });
}

export type Action =
  | { kind: 'set-consent'; mode: 'per-case' | 'automatic'; cadence?: ConsentState['cadence'] }
  | { kind: 'accept-format'; version: number }
  | { kind: 'set-restrictions'; restrictions: Restrictions }
  | { kind: 'withdraw' };

export function actionFor(catalog: Catalog): fc.Arbitrary<Action> {
  return fc.oneof(
    fc.record(
      { kind: fc.constant('set-consent' as const), mode: fc.constantFrom('per-case' as const, 'automatic' as const), cadence: fc.constantFrom('weekly' as const, 'monthly' as const) },
      { requiredKeys: ['kind', 'mode'] }
    ),
    fc.record({ kind: fc.constant('accept-format' as const), version: fc.integer({ min: 0, max: catalog.formatVersion + 2 }) }),
    fc.record({ kind: fc.constant('set-restrictions' as const), restrictions: restrictionsFor(catalog) }),
    fc.constant({ kind: 'withdraw' as const })
  );
}

export function perform(state: ConsentState, action: Action, by: Actor, catalog: Catalog): Transition {
  switch (action.kind) {
    case 'set-consent':
      return setConsent(state, action.cadence ? { mode: action.mode, cadence: action.cadence } : { mode: action.mode }, by, catalog);
    case 'accept-format':
      return acceptFormat(state, action.version, by, catalog);
    case 'set-restrictions':
      return setRestrictions(state, action.restrictions, by);
    case 'withdraw':
      return withdraw(state, by);
  }
}

/** A state some admin could have reached from a fresh install, one action at a time, a minute apart. */
export function reachableState(catalog: Catalog = metricCatalog, maxActions = 8): fc.Arbitrary<ConsentState> {
  return fc.tuple(fc.array(actionFor(catalog), { maxLength: maxActions }), instant, accountId).map(([actions, start, who]) =>
    actions.reduce((s, a, i) => perform(s, a, actor(who, new Date(start.getTime() + i * 60_000)), catalog).state, initialConsent)
  );
}

/**
 * A vendor catalog: count fields whose `since` numbers cover 1..n without a gap, as makeCatalog
 * requires, in a random order and with random categories and purposes.
 */
export const vendorCatalog: fc.Arbitrary<Catalog> = fc
  .uniqueArray(
    fc.record({
      name: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/),
      since: fc.integer({ min: 1, max: 5 }),
      category: fc.constantFrom(...categorySchema.options),
      purpose: fc.constantFrom(...allPurposes)
    }),
    { minLength: 1, maxLength: 8, selector: (e) => e.name }
  )
  .map((raw) => {
    const versions = [...new Set(raw.map((e) => e.since))].sort((a, b) => a - b);
    return makeCatalog(
      raw.map((e) =>
        countMetric({
          key: `vendor.${e.name}`,
          category: e.category,
          purpose: e.purpose,
          since: versions.indexOf(e.since) + 1,
          description: 'A count the vendor defined.',
          collect: () => 1
        })
      )
    );
  });
