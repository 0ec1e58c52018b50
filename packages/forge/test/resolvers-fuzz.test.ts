import fc from 'fast-check';
import { envelopeSchema } from '@usage-reporting/core/api';
import { resolverContract, type ResolverName } from '@usage-reporting/core/api';
import { z } from 'zod';
import { registeredResolverNames } from '../src/resolvers/registry';
import { COLLECTOR_ORIGIN, createWorld, type World } from './engine-support';
import { kvsSnapshot, validPayloads } from './resolvers-support';
import { resolverFunctionKey } from '@usage-reporting/core/api';

/**
 * Random payloads at every resolver, as an admin: anything the contract does not accept must come
 * back as a clean INVALID_INPUT (a short message that quotes no value) and leave the stored state
 * and the collector untouched. The resolvers run from the app's Forge bundle (.forge-build/).
 */
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
const RUNS_PER_RESOLVER = inCi ? 200 : 25;

let w: World;
beforeAll(async () => {
  w = await createWorld({ app: 'bundle' });
  // A site in use, so there is state to damage.
  await w.must('setConsent', { mode: 'per-case' });
  const draft = await w.must('preview');
  await w.must('sendReport', { draftId: draft.draftId, digest: draft.digest });
});
afterAll(async () => {
  await w.close();
});

/** Arbitrary JSON, and near misses: the right keys with wrong values, extra keys, valid payloads mutated. */
function payloads(name: ResolverName): fc.Arbitrary<unknown> {
  const valid = validPayloads[name];
  const keys = typeof valid === 'object' && valid !== null ? Object.keys(valid) : [];
  const nearMiss = fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  const withExtra = fc.record({ key: fc.string({ minLength: 1, maxLength: 40 }), value: fc.jsonValue({ maxDepth: 1 }) }).map(({ key, value }) =>
    typeof valid === 'object' && valid !== null && !(key in valid) ? { ...valid, [key]: value } : { [key]: value, also: 1 }
  );
  return fc.oneof(fc.jsonValue({ maxDepth: 3 }), nearMiss, withExtra, fc.constantFrom(null, undefined, 'ERASE', [], 0, true));
}

const refusal = envelopeSchema(z.never());

describe.each(registeredResolverNames.map((n) => [n]))('%s with random payloads', (name) => {
  test('anything the contract rejects is INVALID_INPUT and changes nothing', async () => {
    const before = await kvsSnapshot(w.platform);
    const egressBefore = w.platform.counters.snapshot().egress[COLLECTOR_ORIGIN] ?? 0;
    await fc.assert(
      fc.asyncProperty(
        // @forge/resolver hands the handler `payload || {}`: a falsy payload IS an empty object.
        payloads(name).filter((p) => !resolverContract[name].input.safeParse(p || {}).success),
        async (payload) => {
          const raw = await w.platform.invokeResolver(resolverFunctionKey(name), payload, { accountId: w.admin });
          const result = refusal.parse(raw);
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
          if (result.ok) return;
          expect(result.error.message.length).toBeLessThanOrEqual(400);
          expect(result.error.message.startsWith(`${name} received `)).toBe(true);
        }
      ),
      { numRuns: RUNS_PER_RESOLVER }
    );
    expect(await kvsSnapshot(w.platform)).toBe(before);
    expect(w.platform.counters.snapshot().egress[COLLECTOR_ORIGIN] ?? 0).toBe(egressBefore);
  });
});
