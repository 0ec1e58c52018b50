import { Filter, FilterConditions, kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { kvsLimits } from '../src/kvs/index';
import { kvsError, storeFixtures, useKvsUnderTest } from './helpers/kvs-platform';

/**
 * The documented behaviour of Forge's Key-Value Store over many keys (query, batches, transactions)
 * and its other namespaces (secrets, custom entities), through the real @forge/kvs client.
 */
const pad = (n: number) => String(n).padStart(3, '0');

describe.each(storeFixtures)('Forge KVS contract (queries, batches, transactions) on the %s', (_name, makeFixture) => {
  const sim = useKvsUnderTest(makeFixture);

  describe('query', () => {
    it('returns only keys beginning with the prefix, in key order, with their values', async () => {
      for (const key of ['report:b', 'consent:1', 'report:a', 'report:c', 'reports-other']) await kvs.set(key, key.length);
      const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('report:')).getMany();
      expect(results).toEqual([
        { key: 'report:a', value: 8 },
        { key: 'report:b', value: 8 },
        { key: 'report:c', value: 8 }
      ]);
      expect(nextCursor).toBeUndefined();
    });

    it('pages through more than 100 keys with cursors, each key exactly once, in order', async () => {
      for (let start = 0; start < 250; start += 25) {
        await kvs.batchSet(Array.from({ length: 25 }, (_, i) => ({ key: `item:${pad(start + i)}`, value: start + i })));
      }
      await kvs.set('other:1', 'not an item');
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | undefined;
      do {
        const query = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(100);
        const page = await (cursor ? query.cursor(cursor) : query).getMany();
        pageSizes.push(page.results.length);
        seen.push(...page.results.map((r) => r.key));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pageSizes).toEqual([100, 100, 50]);
      expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `item:${pad(i)}`));
    });

    it.each([101, 0, 2.5])('rejects a page limit of %p (allowed: 1 to 100) with LIST_QUERY_LIMIT_EXCEEDED', async (limit) => {
      await expect(kvsError(kvs.query().limit(limit).getMany())).resolves.toEqual({ code: 'LIST_QUERY_LIMIT_EXCEEDED', status: 400 });
    });

    it('returns up to 10 values by default, with a cursor to the rest', async () => {
      await kvs.batchSet(Array.from({ length: 12 }, (_, i) => ({ key: `d:${pad(i)}`, value: i })));
      const first = await kvs.query().getMany();
      expect(first.results.map((r) => r.key)).toEqual(Array.from({ length: 10 }, (_, i) => `d:${pad(i)}`));
      expect(first.nextCursor).toEqual(expect.any(String));
      const rest = await kvs.query().cursor(first.nextCursor ?? '').getMany();
      expect(rest).toEqual({ results: [{ key: 'd:010', value: 10 }, { key: 'd:011', value: 11 }] });
    });

    it('accepts the maximum page limit of 100', async () => {
      await kvs.set('one', 1);
      await expect(kvs.query().limit(100).getMany()).resolves.toEqual({ results: [{ key: 'one', value: 1 }] });
    });

    it('never returns expired keys or secrets', async () => {
      await kvs.set('q:live', 'live');
      await kvs.set('q:short', 'short', { ttl: { value: 1, unit: 'SECONDS' } });
      await kvs.setSecret('q:secret', 'hidden');
      sim.clock.advance(1_000);
      const { results } = await kvs.query().where('key', WhereConditions.beginsWith('q:')).getMany();
      expect(results).toEqual([{ key: 'q:live', value: 'live' }]);
    });

    it('returns expireTime for each result when EXPIRE_TIME is asked for', async () => {
      await kvs.set('exp:1', 1, { ttl: { value: 1, unit: 'DAYS' } });
      const { results } = await kvs.query({ metadataFields: [MetadataField.EXPIRE_TIME] }).getMany();
      expect(results).toEqual([{ key: 'exp:1', value: 1, expireTime: new Date(sim.clock.now() + 86_400_000).toISOString() }]);
    });

    it('getOne returns the first key in order, or undefined when nothing matches', async () => {
      await kvs.set('g:2', 'second');
      await kvs.set('g:1', 'first');
      await expect(kvs.query().where('key', WhereConditions.beginsWith('g:')).getOne()).resolves.toEqual({ key: 'g:1', value: 'first' });
      await expect(kvs.query().where('key', WhereConditions.beginsWith('none:')).getOne()).resolves.toBeUndefined();
    });

    it('rejects a cursor it did not issue', async () => {
      await expect(kvsError(kvs.query().cursor('not-a-cursor').getMany())).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
    });
  });

  describe('batch operations', () => {
    it('sets what it can and reports each failed key with its error code', async () => {
      const result = await kvs.batchSet<unknown>([
        { key: 'b:ok', value: 1 },
        { key: 'b/bad', value: 2 },
        { key: 'b:huge', value: 'x'.repeat(kvsLimits.maxValueBytes) },
        { key: 'b:ttl', value: 3, options: { ttl: { value: 5, unit: 'SECONDS' } } }
      ]);
      expect(result.successfulKeys).toEqual([{ key: 'b:ok' }, { key: 'b:ttl' }]);
      expect(result.failedKeys).toEqual([
        { key: 'b/bad', error: { code: 'INVALID_KEY', message: expect.any(String) } },
        { key: 'b:huge', error: { code: 'MAX_SIZE', message: expect.any(String) } }
      ]);
      await expect(kvs.get('b:ok')).resolves.toBe(1);
      sim.clock.advance(5_000);
      await expect(kvs.get('b:ttl')).resolves.toBeUndefined();
    });

    it('gets found keys with values and reports missing ones as KEY_NOT_FOUND', async () => {
      await kvs.set('bg:1', { n: 1 });
      const result = await kvs.batchGet([{ key: 'bg:1' }, { key: 'bg:missing' }]);
      expect(result).toEqual({
        successfulKeys: [{ key: 'bg:1', value: { n: 1 } }],
        failedKeys: [{ key: 'bg:missing', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]
      });
    });

    it('deletes found keys and reports missing ones as KEY_NOT_FOUND', async () => {
      await kvs.set('bd:1', 1);
      const result = await kvs.batchDelete([{ key: 'bd:1' }, { key: 'bd:missing' }]);
      expect(result).toEqual({
        successfulKeys: [{ key: 'bd:1' }],
        failedKeys: [{ key: 'bd:missing', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]
      });
      await expect(kvs.get('bd:1')).resolves.toBeUndefined();
    });

    it('fails a whole batch of more than 25 keys, storing none of them', async () => {
      const items = Array.from({ length: kvsLimits.maxBatchItems + 1 }, (_, i) => ({ key: `many:${i}`, value: i }));
      await expect(kvsError(kvs.batchSet(items))).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
      await expect(kvs.get('many:0')).resolves.toBeUndefined();
      await expect(kvs.batchSet(items.slice(0, 25))).resolves.toMatchObject({ failedKeys: [] });
    });

    it('fails a whole batch that is empty or names the same key twice', async () => {
      await expect(kvsError(kvs.batchSet([]))).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
      await expect(kvsError(kvs.batchGet([{ key: 'dup' }, { key: 'dup' }]))).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
    });
  });

  describe('secrets', () => {
    it('keeps secrets apart from plain keys of the same name', async () => {
      await kvs.setSecret('api-token', 'secret-value');
      await expect(kvs.get('api-token')).resolves.toBeUndefined();
      await kvs.set('api-token', 'plain-value');
      await expect(kvs.getSecret('api-token')).resolves.toBe('secret-value');
      await kvs.deleteSecret('api-token');
      await expect(kvs.getSecret('api-token')).resolves.toBeUndefined();
      await expect(kvs.get('api-token')).resolves.toBe('plain-value');
    });

    it('applies the same key rules, TTL and key policy to secrets', async () => {
      await expect(kvsError(kvs.setSecret('bad/key', 'v'))).resolves.toEqual({ code: 'INVALID_KEY', status: 400 });
      await kvs.setSecret('otp', '123456', { ttl: { value: 5, unit: 'MINUTES' } });
      await expect(kvsError(kvs.setSecret('otp', 'again', { keyPolicy: 'FAIL_IF_EXISTS' }))).resolves.toEqual({ code: 'KEY_CONFLICT', status: 409 });
      sim.clock.advance(300_000);
      await expect(kvs.getSecret('otp')).resolves.toBeUndefined();
    });
  });

  describe('transactions', () => {
    it('commits every set and delete together', async () => {
      await kvs.set('t:old', 'old');
      await kvs.transact().set('t:a', 'A').set('t:b', { b: true }, undefined, { ttl: { value: 1, unit: 'MINUTES' } }).delete('t:old').execute();
      await expect(kvs.get('t:a')).resolves.toBe('A');
      await expect(kvs.get('t:b')).resolves.toEqual({ b: true });
      await expect(kvs.get('t:old')).resolves.toBeUndefined();
      sim.clock.advance(60_000);
      await expect(kvs.get('t:b')).resolves.toBeUndefined();
    });

    it('allows 25 operations and refuses 26, applying none of them', async () => {
      const build = (n: number) => {
        const tx = kvs.transact();
        for (let i = 0; i < n; i++) tx.set(`op:${i}`, i);
        return tx;
      };
      await expect(kvsError(build(kvsLimits.maxTransactionOperations + 1).execute())).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
      await expect(kvs.get('op:0')).resolves.toBeUndefined();
      await build(25).execute();
      await expect(kvs.get('op:24')).resolves.toBe(24);
    });

    it('refuses a transaction that uses the same key twice', async () => {
      await expect(kvsError(kvs.transact().set('twice', 1).delete('twice').execute())).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
    });

    it('applies nothing when one operation is invalid', async () => {
      await kvs.set('keep', 'kept');
      const failing = kvs.transact().set('t:new', 'new').delete('keep').set('t:huge', 'x'.repeat(kvsLimits.maxValueBytes)).execute();
      await expect(kvsError(failing)).resolves.toEqual({ code: 'MAX_SIZE', status: 400 });
      await expect(kvs.get('t:new')).resolves.toBeUndefined();
      await expect(kvs.get('keep')).resolves.toBe('kept');
    });

    it('applies nothing when a condition is not met, and everything when it is', async () => {
      const accounts = kvs.entity<{ owner: string; balance: number }>('account');
      await accounts.set('acc-1', { owner: 'ana', balance: 10 });
      const enough = new Filter<{ owner: string; balance: number }>().and('balance', FilterConditions.greaterThanEqualTo(20));
      const rejected = kvs.transact().set('t:paid', true).check('acc-1', { entityName: 'account', conditions: enough }).execute();
      await expect(kvsError(rejected)).resolves.toEqual({ code: 'CONDITION_CHECK_FAILED', status: 409 });
      await expect(kvs.get('t:paid')).resolves.toBeUndefined();

      await accounts.set('acc-1', { owner: 'ana', balance: 25 });
      await kvs.transact().set('t:paid', true).check('acc-1', { entityName: 'account', conditions: enough }).execute();
      await expect(kvs.get('t:paid')).resolves.toBe(true);
    });

    it('evaluates a conditional entity set against the stored entity', async () => {
      const people = kvs.entity<{ surname: string }>('person');
      await people.set('p1', { surname: 'Scott' });
      const startsWithS = new Filter<{ surname: string }>().and('surname', FilterConditions.beginsWith('S'));
      await kvs.transact().set('p1', { surname: 'Smith' }, { entityName: 'person', conditions: startsWithS }).execute();
      await expect(people.get('p1')).resolves.toEqual({ surname: 'Smith' });
      const notExists = new Filter<{ surname: string }>().and('surname', FilterConditions.notExists());
      await expect(kvsError(kvs.transact().delete('p1', { entityName: 'person', conditions: notExists }).execute())).resolves.toEqual({
        code: 'CONDITION_CHECK_FAILED',
        status: 409
      });
      await expect(people.get('p1')).resolves.toEqual({ surname: 'Smith' });
    });
  });

  describe('custom entities', () => {
    it('keeps entity values apart from plain keys and from other entities', async () => {
      await kvs.entity<{ a: number }>('first-entity').set('same', { a: 1 });
      await kvs.set('same', 'plain');
      await expect(kvs.entity<{ a: number }>('other-entity').get('same')).resolves.toBeUndefined();
      await expect(kvs.entity<{ a: number }>('first-entity').get('same')).resolves.toEqual({ a: 1 });
      await kvs.entity('first-entity').delete('same');
      await expect(kvs.get('same')).resolves.toBe('plain');
    });

    it('rejects entity names shorter than 3 characters with ENTITY_TYPE_TOO_SHORT', async () => {
      await expect(kvsError(kvs.entity('ab').set('k', { a: 1 }))).resolves.toEqual({ code: 'ENTITY_TYPE_TOO_SHORT', status: 400 });
    });

    it('says plainly that entity queries are not simulated', async () => {
      const query = kvs.entity('first-entity').query().index('by-a').getMany();
      await expect(kvsError(query)).resolves.toEqual({ code: 'NOT_SIMULATED', status: 501 });
    });
  });
});
