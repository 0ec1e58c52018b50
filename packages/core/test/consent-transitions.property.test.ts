import fc from 'fast-check';
import {
  acceptFormat,
  consentStateSchema,
  effectiveAcceptedFormat,
  initialConsent,
  ledgerEntrySchema,
  metricCatalog,
  normalizeRestrictions,
  pendingFields,
  withheldReason,
  withdraw,
  type Catalog,
  type ConsentState,
  type LedgerAction
} from '../src';
import { accountId, actionFor, actor, instant, perform, reachableState, vendorCatalog, type Action } from './arbitraries';

/**
 * Consent is a state machine the admin drives one click at a time; the ledger is its audit trail.
 * Over any sequence of clicks, from any state a real admin could reach, the state stays valid and
 * the ledger records each real change exactly once, and nothing else.
 */
const ledgerActionOf: Record<Action['kind'], LedgerAction> = {
  'set-consent': 'set-consent',
  'accept-format': 'accept-format',
  'set-restrictions': 'set-restrictions',
  withdraw: 'withdraw'
};

/** What the ledger reports on, read straight from the state. */
const tracked = (s: ConsentState): Record<string, unknown> => ({
  mode: s.mode,
  cadence: s.cadence,
  acceptedFormat: s.acceptedFormat,
  'restrictions.categories': s.restrictions.categories,
  'restrictions.fields': s.restrictions.fields,
  'restrictions.purposes': s.restrictions.purposes
});

const catalogs: fc.Arbitrary<Catalog> = fc.oneof(fc.constant(metricCatalog), vendorCatalog);
const run = catalogs.chain((catalog) => fc.tuple(fc.constant(catalog), reachableState(catalog), fc.array(actionFor(catalog), { minLength: 1, maxLength: 10 }), instant, accountId));

describe('consent transitions, over any sequence of actions from any reachable state', () => {
  test('keep the state valid, record exactly one ledger entry for each change and none otherwise', () => {
    fc.assert(
      fc.property(run, ([catalog, start, actions, t0, who]) => {
        let state = start;
        actions.forEach((action, i) => {
          const by = actor(who, new Date(t0.getTime() + i * 1000));
          const t = perform(state, action, by, catalog);
          expect(consentStateSchema.safeParse(t.state).success).toBe(true);
          const before = tracked(state);
          const after = tracked(t.state);
          const differing = Object.keys(before).filter((path) => JSON.stringify(before[path]) !== JSON.stringify(after[path]));
          if (!t.changed) {
            // A double click must not fill the ledger, nor move the revision a stored draft is checked against.
            expect(t.ledger).toEqual([]);
            expect(t.state).toEqual(state);
          } else {
            expect(differing.length).toBeGreaterThan(0);
            expect(t.ledger).toEqual([
              {
                at: by.now.toISOString(),
                accountId: who,
                action: ledgerActionOf[action.kind],
                changes: differing.map((path) => ({ path, from: before[path], to: after[path] })),
                formatVersion: t.state.acceptedFormat
              }
            ]);
            expect(ledgerEntrySchema.safeParse({ id: 'e1', ...t.ledger[0] }).success).toBe(true);
            expect(t.state.revision).toBe(state.revision + 1);
            expect(t.state.changedAt).toBe(by.now.toISOString());
          }
          state = t.state;
        });
      }),
      { numRuns: 200 }
    );
  });

  test('an action repeated at once changes nothing the second time', () => {
    fc.assert(
      fc.property(run, ([catalog, start, [action], t0, who]) => {
        const once = perform(start, action as Action, actor(who, t0), catalog);
        const twice = perform(once.state, action as Action, actor(who, new Date(t0.getTime() + 500)), catalog);
        expect(twice).toEqual({ state: once.state, ledger: [], changed: false });
      }),
      { numRuns: 200 }
    );
  });

  test('withdraw always ends in mode off, and keeps what was accepted and restricted', () => {
    fc.assert(
      fc.property(run, ([, start, , t0, who]) => {
        const { state } = withdraw(start, actor(who, t0));
        expect(state.mode).toBe('off');
        expect(state.acceptedFormat).toBe(start.acceptedFormat);
        expect(state.restrictions).toEqual(start.restrictions);
      }),
      { numRuns: 100 }
    );
  });

  test('the accepted format only grows, and never past what the catalog defines', () => {
    fc.assert(
      fc.property(run, ([catalog, start, actions, t0, who]) => {
        let state = start;
        for (const action of actions) {
          const next = perform(state, action, actor(who, t0), catalog).state;
          expect(next.acceptedFormat).toBeGreaterThanOrEqual(state.acceptedFormat);
          expect(next.acceptedFormat).toBeLessThanOrEqual(catalog.formatVersion);
          state = next;
        }
      }),
      { numRuns: 100 }
    );
  });

  test('restrictions are stored normalised, so equal restrictions compare equal', () => {
    fc.assert(
      fc.property(run, ([, start]) => {
        expect(start.restrictions).toEqual(normalizeRestrictions(start.restrictions));
      }),
      { numRuns: 100 }
    );
  });
});

describe('field decisions', () => {
  const consented = catalogs.chain((catalog) => fc.tuple(fc.constant(catalog), reachableState(catalog), instant, accountId));

  test('a field newer than the accepted format is withheld for that reason, and listed for review, until it is accepted', () => {
    fc.assert(
      fc.property(consented, ([catalog, state, t0, who]) => {
        const effective = effectiveAcceptedFormat(state, catalog);
        for (const entry of catalog.entries) {
          expect(withheldReason(entry, state, catalog) === 'format-not-accepted').toBe(entry.since > effective);
        }
        // Before the first consent there is nothing to review: the preview shows the current format.
        const expectedPending = state.acceptedFormat === 0 ? [] : catalog.entries.filter((e) => e.since > state.acceptedFormat);
        expect(pendingFields(state, catalog)).toEqual(expectedPending);

        const accepted = acceptFormat(state, catalog.formatVersion, actor(who, t0), catalog).state;
        for (const entry of catalog.entries) expect(withheldReason(entry, accepted, catalog)).not.toBe('format-not-accepted');
        expect(pendingFields(accepted, catalog)).toEqual([]);
      }),
      { numRuns: 200 }
    );
  });

  test('a field is included exactly when nothing withholds it, and the reason given is true of it', () => {
    fc.assert(
      fc.property(consented, ([catalog, state]) => {
        const r = state.restrictions;
        for (const entry of catalog.entries) {
          const holds = {
            'format-not-accepted': entry.since > effectiveAcceptedFormat(state, catalog),
            'restricted-field': r.fields.includes(entry.key),
            'restricted-category': r.categories.includes(entry.category),
            'restricted-purpose': !r.purposes.includes(entry.purpose)
          };
          const reason = withheldReason(entry, state, catalog);
          if (reason === undefined) expect(Object.values(holds)).not.toContain(true);
          else expect(holds[reason]).toBe(true);
        }
      }),
      { numRuns: 200 }
    );
  });

  test('a fresh install previews every field of the current format', () => {
    fc.assert(
      fc.property(catalogs, (catalog) => {
        for (const entry of catalog.entries) expect(withheldReason(entry, initialConsent, catalog)).toBeUndefined();
      }),
      { numRuns: 50 }
    );
  });
});
