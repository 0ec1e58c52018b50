import { ForgeKvsAPIError, Filter, FilterConditions, kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { createKvsService, kvsLimits } from '../../sim/kvs';
import type { KvsService } from '../../sim/runtime/ports';
import { attachKvs, fileStoreFixture, manualClock, memoryStoreFixture, type ManualClock, type StoreFixture } from './helpers/kvs-platform';

/**
 * The documented behaviour of Forge's Key-Value Store, driven through the real @forge/kvs client,
 * held by every store implementation of the simulated service.
 */
const fields = (...names: Array<keyof typeof MetadataField>) => ({ metadataFields: names.map((n) => MetadataField[n]) });

async function kvsError(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    return { code: error.code, status: error.responseDetails.status };
  }
  throw new Error('expected the KVS call to be rejected');
}

const pad = (n: number) => String(n).padStart(3, '0');

describe.each<[string, () => StoreFixture]>([
  ['memory store', memoryStoreFixture],
  ['file store', fileStoreFixture]
])('Forge KVS contract on the %s', (_name, makeFixture) => {
  let fixture: StoreFixture;
  let clock: ManualClock;
  let service: KvsService;
  let detach: () => void;

  beforeEach(async () => {
    fixture = makeFixture();
    clock = manualClock();
    service = createKvsService({ store: await fixture.open(), now: clock.now });
    detach = attachKvs(service);
  });

  afterEach(async () => {
    detach();
    await fixture.cleanup();
  });

  describe('get, set and delete', () => {
    it.each<[string, unknown]>([
      ['string', 'hello'],
      ['number', 42.5],
      ['boolean', false],
      ['array', [1, 'two', { three: 3 }]],
      ['object', { nested: { list: [true, null] }, n: 0 }]
    ])('stores and returns a %s value as JSON', async (_type, value) => {
      await kvs.set('value-key', value);
      await expect(kvs.get('value-key')).resolves.toEqual(value);
    });

    it('answers undefined for a key that was never set (KEY_NOT_FOUND)', async () => {
      await expect(kvs.get('never-set')).resolves.toBeUndefined();
    });

    it('deletes a key, and deleting a missing key is not an error', async () => {
      await kvs.set('doomed', 1);
      await kvs.delete('doomed');
      await expect(kvs.get('doomed')).resolves.toBeUndefined();
      await expect(kvs.delete('doomed')).resolves.toBeUndefined();
    });

    it('resolves write conflicts by last write wins, keeping the creation time', async () => {
      await kvs.set('counter', 1);
      clock.advance(5_000);
      await kvs.set('counter', 2);
      const result = await kvs.get('counter', fields('CREATED_AT', 'UPDATED_AT'));
      const start = Math.floor(clock.now() / 1000) - 5;
      expect(result).toEqual({ key: 'counter', value: 2, createdAt: start, updatedAt: start + 5 });
    });

    it('hands out copies: changing a value read back does not change what is stored', async () => {
      await kvs.set('shared', { list: [1] });
      const first = await service.handle('/api/v1/get', { key: 'shared' });
      (first.body as { value: { list: number[] } }).value.list.push(2);
      await expect(kvs.get('shared')).resolves.toEqual({ list: [1] });
    });

    it('rejects a null value, which is not a storable JSON type', async () => {
      await expect(kvsError(kvs.set('nothing', null))).resolves.toEqual({ code: 'BAD_REQUEST', status: 400 });
    });
  });

  describe('time to live', () => {
    it('keeps a value until its TTL passes, then reads it as gone', async () => {
      await kvs.set('session', 'token', { ttl: { value: 30, unit: 'SECONDS' } });
      clock.advance(29_999);
      await expect(kvs.get('session')).resolves.toBe('token');
      clock.advance(1);
      await expect(kvs.get('session')).resolves.toBeUndefined();
    });

    it.each<['SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS', number]>([
      ['SECONDS', 1_000],
      ['MINUTES', 60_000],
      ['HOURS', 3_600_000],
      ['DAYS', 86_400_000]
    ])('reports expireTime as ISO-8601 for a TTL in %s', async (unit, unitMs) => {
      await kvs.set('ttl-key', 'v', { ttl: { value: 2, unit } });
      const result = await kvs.get('ttl-key', fields('EXPIRE_TIME'));
      expect(result).toEqual({ key: 'ttl-key', value: 'v', expireTime: new Date(clock.now() + 2 * unitMs).toISOString() });
    });

    it('drops the expiry when a key is set again without a TTL', async () => {
      await kvs.set('renewed', 'a', { ttl: { value: 1, unit: 'MINUTES' } });
      await kvs.set('renewed', 'b');
      clock.advance(120_000);
      await expect(kvs.get('renewed')).resolves.toBe('b');
    });

    it('rejects a TTL that is not a positive whole number', async () => {
      await expect(kvsError(kvs.set('bad-ttl', 'v', { ttl: { value: 0, unit: 'SECONDS' } }))).resolves.toEqual({
        code: 'BAD_REQUEST',
        status: 400
      });
    });
  });

  describe('key policy and returned values', () => {
    it('refuses FAIL_IF_EXISTS on an existing key with KEY_CONFLICT and keeps the stored value', async () => {
      await kvs.set('lock', 'first');
      await expect(kvsError(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }))).resolves.toEqual({
        code: 'KEY_CONFLICT',
        status: 409
      });
      await expect(kvs.get('lock')).resolves.toBe('first');
    });

    it('lets FAIL_IF_EXISTS create a key that is absent or has expired', async () => {
      await kvs.set('lease', 'old', { ttl: { value: 10, unit: 'SECONDS' } });
      clock.advance(10_000);
      await kvs.set('lease', 'new', { keyPolicy: 'FAIL_IF_EXISTS' });
      await kvs.set('fresh', 'only', { keyPolicy: 'FAIL_IF_EXISTS' });
      await expect(kvs.get('lease')).resolves.toBe('new');
      await expect(kvs.get('fresh')).resolves.toBe('only');
    });

    it('admits exactly one of many concurrent FAIL_IF_EXISTS writes to the same key', async () => {
      const attempts = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => kvs.set('race', i, { keyPolicy: 'FAIL_IF_EXISTS' }))
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const codes = attempts.flatMap((a) => (a.status === 'rejected' && a.reason instanceof ForgeKvsAPIError ? [a.reason.code] : []));
      expect(codes).toEqual(Array(11).fill('KEY_CONFLICT'));
    });

    it('returns the previous value with returnValue PREVIOUS, and nothing when there was none', async () => {
      await expect(kvs.set('swap', 'a', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toBeUndefined();
      await expect(kvs.set('swap', 'b', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toEqual({ key: 'swap', value: 'a' });
    });

    it('returns the new value and asked-for metadata with returnValue LATEST', async () => {
      const result = await kvs.set('latest', { v: 1 }, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'LATEST',
        returnMetadataFields: [MetadataField.CREATED_AT],
        ttl: { value: 1, unit: 'HOURS' }
      });
      expect(result).toEqual({ key: 'latest', value: { v: 1 }, createdAt: Math.floor(clock.now() / 1000) });
    });
  });

  describe('key and value limits', () => {
    it('accepts a key of exactly 500 characters and rejects 501 with KEY_TOO_LONG', async () => {
      await kvs.set('k'.repeat(kvsLimits.maxKeyLength), 'ok');
      await expect(kvs.get('k'.repeat(500))).resolves.toBe('ok');
      await expect(kvsError(kvs.set('k'.repeat(501), 'no'))).resolves.toEqual({ code: 'KEY_TOO_LONG', status: 400 });
    });

    it('accepts every character the key pattern allows', async () => {
      const key = 'Az09:._- #tail';
      await kvs.set(key, 'ok');
      await expect(kvs.get(key)).resolves.toBe('ok');
    });

    it.each(['a/b', 'caf\u00e9', '   ', 'a?b', 'new\u0000line', 'emoji\u{1F600}'])(
      'rejects the key %j, outside /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/, with INVALID_KEY',
      async (key) => {
        await expect(kvsError(kvs.set(key, 'v'))).resolves.toEqual({ code: 'INVALID_KEY', status: 400 });
        await expect(kvsError(kvs.get(key))).resolves.toEqual({ code: 'INVALID_KEY', status: 400 });
      }
    );

    it('rejects an empty key with KEY_TOO_SHORT', async () => {
      await expect(kvsError(kvs.set('', 'v'))).resolves.toEqual({ code: 'KEY_TOO_SHORT', status: 400 });
    });

    it('accepts a value of exactly 240 KiB serialized and rejects one byte more with MAX_SIZE', async () => {
      const fits = 'x'.repeat(kvsLimits.maxValueBytes - 2); // the two JSON quotes count
      await kvs.set('big', fits);
      await expect(kvs.get('big')).resolves.toHaveLength(fits.length);
      await expect(kvsError(kvs.set('bigger', `${fits}x`))).resolves.toEqual({ code: 'MAX_SIZE', status: 400 });
      await expect(kvs.get('bigger')).resolves.toBeUndefined();
    });

    it('measures size in UTF-8 bytes, so multi-byte text reaches the limit sooner', async () => {
      const twoByteChars = '\u00e9'.repeat(kvsLimits.maxValueBytes / 2); // half as many characters as bytes
      await expect(kvsError(kvs.set('accents', twoByteChars))).resolves.toEqual({ code: 'MAX_SIZE', status: 400 });
    });

    it('accepts objects nested 31 deep and rejects 32 with MAX_DEPTH', async () => {
      const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { d: nest(depth - 1) });
      await kvs.set('deep', nest(31));
      await expect(kvs.get('deep')).resolves.toEqual(nest(31));
      await expect(kvsError(kvs.set('deeper', nest(32)))).resolves.toEqual({ code: 'MAX_DEPTH', status: 400 });
    });
  });

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

    it('accepts the maximum page limit of 100', async () => {
      await kvs.set('one', 1);
      await expect(kvs.query().limit(100).getMany()).resolves.toEqual({ results: [{ key: 'one', value: 1 }] });
    });

    it('never returns expired keys or secrets', async () => {
      await kvs.set('q:live', 'live');
      await kvs.set('q:short', 'short', { ttl: { value: 1, unit: 'SECONDS' } });
      await kvs.setSecret('q:secret', 'hidden');
      clock.advance(1_000);
      const { results } = await kvs.query().where('key', WhereConditions.beginsWith('q:')).getMany();
      expect(results).toEqual([{ key: 'q:live', value: 'live' }]);
    });

    it('returns expireTime for each result when EXPIRE_TIME is asked for', async () => {
      await kvs.set('exp:1', 1, { ttl: { value: 1, unit: 'DAYS' } });
      const { results } = await kvs.query({ metadataFields: [MetadataField.EXPIRE_TIME] }).getMany();
      expect(results).toEqual([{ key: 'exp:1', value: 1, expireTime: new Date(clock.now() + 86_400_000).toISOString() }]);
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
      clock.advance(5_000);
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
      clock.advance(300_000);
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
      clock.advance(60_000);
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

  describe('persistence', () => {
    it('serves the same data to a new service over the same store, as after a restart', async () => {
      await kvs.set('persist:plain', { kept: true }, { ttl: { value: 1, unit: 'HOURS' } });
      await kvs.setSecret('persist:secret', 's3cr3t');
      await kvs.entity<{ n: number }>('persist-entity').set('e', { n: 7 });
      detach();
      detach = attachKvs(createKvsService({ store: fixture.reopen(), now: clock.now }));
      await expect(kvs.get('persist:plain')).resolves.toEqual({ kept: true });
      await expect(kvs.getSecret('persist:secret')).resolves.toBe('s3cr3t');
      await expect(kvs.entity('persist-entity').get('e')).resolves.toEqual({ n: 7 });
      clock.advance(3_600_000);
      await expect(kvs.get('persist:plain')).resolves.toBeUndefined();
    });
  });
});
