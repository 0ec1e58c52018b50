import fc from 'fast-check';
import { kvs, WhereConditions } from '@forge/kvs';
import { createKvsService } from '../src/kvs/index';
import { attachKvs, manualClock, storeFixtures } from './helpers/kvs-platform';

/**
 * Over random sequences of writes, deletes, transactions and clock moves, what @forge/kvs reads back
 * equals a plain model: a map of live values, where a value with a TTL vanishes once it elapses.
 */
type Command =
  | { kind: 'set'; key: string; value: number; ttlSeconds?: number }
  | { kind: 'delete'; key: string }
  | { kind: 'transact'; sets: Array<{ key: string; value: number }> }
  | { kind: 'advance'; ms: number };

const keys = ['m:a', 'm:b', 'm:c', 'm:d'];
const keyArb = fc.constantFrom(...keys);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: keyArb, value: fc.integer(), ttlSeconds: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('delete' as const), key: keyArb }),
  fc.record({ kind: fc.constant('transact' as const), sets: fc.uniqueArray(fc.record({ key: keyArb, value: fc.integer() }), { selector: (s) => s.key, minLength: 1 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6_000 }) })
);

describe.each(storeFixtures)('KVS on the %s agrees with the model', (_name, makeFixture) => {
  it('reads back exactly the live values after any sequence of commands', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { maxLength: 25 }), async (commands) => {
        const fixture = makeFixture();
        const clock = manualClock();
        const detach = attachKvs(createKvsService({ store: await fixture.open(), now: clock.now }));
        const model = new Map<string, { value: number; expiresAt?: number }>();
        try {
          for (const command of commands) {
            if (command.kind === 'set') {
              await kvs.set(command.key, command.value, command.ttlSeconds ? { ttl: { value: command.ttlSeconds, unit: 'SECONDS' } } : undefined);
              model.set(command.key, { value: command.value, expiresAt: command.ttlSeconds ? clock.now() + command.ttlSeconds * 1000 : undefined });
            } else if (command.kind === 'delete') {
              await kvs.delete(command.key);
              model.delete(command.key);
            } else if (command.kind === 'transact') {
              const tx = kvs.transact();
              for (const s of command.sets) tx.set(s.key, s.value);
              await tx.execute();
              for (const s of command.sets) model.set(s.key, { value: s.value });
            } else {
              clock.advance(command.ms);
            }
          }
          const live = [...model].filter(([, v]) => v.expiresAt === undefined || v.expiresAt > clock.now()).sort(([a], [b]) => (a < b ? -1 : 1));
          for (const key of keys) {
            await expect(kvs.get(key)).resolves.toEqual(live.find(([k]) => k === key)?.[1].value);
          }
          const { results } = await kvs.query().where('key', WhereConditions.beginsWith('m:')).limit(100).getMany();
          expect(results).toEqual(live.map(([key, v]) => ({ key, value: v.value })));
        } finally {
          detach();
          await fixture.cleanup();
        }
      }),
      { numRuns: 60 }
    );
  });
});
