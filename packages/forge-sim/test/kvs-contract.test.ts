import { ForgeKvsAPIError, kvs, MetadataField } from '@forge/kvs';
import { kvsLimits } from '../src/kvs/index';
import { kvsError, storeFixtures, useKvsUnderTest } from './helpers/kvs-platform';

/**
 * The documented behaviour of Forge's Key-Value Store for single keys, driven through the real
 * @forge/kvs client, held by every store implementation of the simulated service.
 */
const fields = (...names: Array<keyof typeof MetadataField>) => ({ metadataFields: names.map((n) => MetadataField[n]) });

describe.each(storeFixtures)('Forge KVS contract (single keys) on the %s', (_name, makeFixture) => {
  const sim = useKvsUnderTest(makeFixture);

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
      sim.clock.advance(5_000);
      await kvs.set('counter', 2);
      const result = await kvs.get('counter', fields('CREATED_AT', 'UPDATED_AT'));
      const start = Math.floor(sim.clock.now() / 1000) - 5;
      expect(result).toEqual({ key: 'counter', value: 2, createdAt: start, updatedAt: start + 5 });
    });

    it('hands out copies: changing a value read back does not change what is stored', async () => {
      await kvs.set('shared', { list: [1] });
      const first = await sim.service.handle('/api/v1/get', { key: 'shared' });
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
      sim.clock.advance(29_999);
      await expect(kvs.get('session')).resolves.toBe('token');
      sim.clock.advance(1);
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
      expect(result).toEqual({ key: 'ttl-key', value: 'v', expireTime: new Date(sim.clock.now() + 2 * unitMs).toISOString() });
    });

    it('drops the expiry when a key is set again without a TTL', async () => {
      await kvs.set('renewed', 'a', { ttl: { value: 1, unit: 'MINUTES' } });
      await kvs.set('renewed', 'b');
      sim.clock.advance(120_000);
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
      sim.clock.advance(10_000);
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
      expect(result).toEqual({ key: 'latest', value: { v: 1 }, createdAt: Math.floor(sim.clock.now() / 1000) });
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

  describe('persistence', () => {
    it('serves the same data to a new service over the same store, as after a restart', async () => {
      await kvs.set('persist:plain', { kept: true }, { ttl: { value: 1, unit: 'HOURS' } });
      await kvs.setSecret('persist:secret', 's3cr3t');
      await kvs.entity<{ n: number }>('persist-entity').set('e', { n: 7 });
      sim.restart();
      await expect(kvs.get('persist:plain')).resolves.toEqual({ kept: true });
      await expect(kvs.getSecret('persist:secret')).resolves.toBe('s3cr3t');
      await expect(kvs.entity('persist-entity').get('e')).resolves.toEqual({ n: 7 });
      sim.clock.advance(3_600_000);
      await expect(kvs.get('persist:plain')).resolves.toBeUndefined();
    });
  });});
