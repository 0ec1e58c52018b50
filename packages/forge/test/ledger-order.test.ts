import { metricCatalog } from '@usage-reporting/core';
import { initialConsent } from '@usage-reporting/core';
import { actionEntry } from '@usage-reporting/core';
import { appendLedger, loadLedger } from '../src/store/repositories';
import { productionDeps } from '../src/engine/deps';
import { getLedger } from '../src/resolvers/consent';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../../../test/support/reference-app';

/**
 * The consent ledger is read in the order it was written, also for entries that share one instant:
 * a withdrawal and the vendor deletion it asked for are recorded together, and the admin must read
 * them in that order. (Keyed by instant and a random id alone, they came back in random order.)
 */
let platform: SimPlatform;
beforeEach(() => {
  platform = createReferencePlatform();
});
afterEach(() => platform.close());

test('entries written at the same instant read back in the order they were written', async () => {
  const now = new Date('2026-11-29T09:00:00.000Z');
  const actions = ['withdraw', 'request-vendor-deletion', 'set-retention', 'request-vendor-export', 'erase-site-data'] as const;
  // Several batches, one entry each, then one batch of all: both ways of writing keep their order.
  const entry = (action: (typeof actions)[number]) => actionEntry(initialConsent, action, [], { accountId: platform.users.admin, now });
  const read = await platform.runAsInvocation({ functionKey: 'resolver' }, async () => {
    for (const action of actions) await appendLedger([entry(action)]);
    await appendLedger(actions.map(entry));
    return (await loadLedger()).map((e) => e.value.action);
  });
  expect(read).toEqual([...actions, ...actions]);
});

test('the ledger the admin reads keeps that order: a send and the withdrawal after it, in one millisecond, read send first', async () => {
  const now = new Date('2026-11-29T09:00:00.000Z');
  const entry = (action: 'send-per-case' | 'withdraw' | 'request-vendor-deletion') => actionEntry(initialConsent, action, [], { accountId: platform.users.admin, now });
  const read = await platform.runAsInvocation({ functionKey: 'resolver' }, async () => {
    await appendLedger([entry('send-per-case')]);
    await appendLedger([entry('withdraw'), entry('request-vendor-deletion')]);
    const out = await getLedger.run(undefined as never, { accountId: platform.users.admin } as never, productionDeps({ catalog: metricCatalog }));
    if (!out.ok) throw new Error(out.error.message);
    return out.data.entries.map((e) => e.action);
  });
  expect(read).toEqual(['send-per-case', 'withdraw', 'request-vendor-deletion']);
});
