import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileKvsStore } from '../src/kvs/index';

/** What the file store promises beyond the shared contract: where and how it writes. */
describe('file KVS store', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kvs-file-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const record = (value: string) => ({ value, createdAt: 1, updatedAt: 2 });

  it('keeps every namespace in one kvs.json and leaves no temporary file behind', async () => {
    const store = createFileKvsStore(dir);
    await store.commit([{ namespace: 'kvs', key: 'a', record: record('plain') }]);
    await store.commit([{ namespace: 'secret', key: 'a', record: record('secret') }, { namespace: 'entity:thing', key: 'a', record: record('entity') }]);
    expect(await readdir(dir)).toEqual(['kvs.json']);
    expect(JSON.parse(await readFile(join(dir, 'kvs.json'), 'utf8'))).toEqual({
      version: 1,
      namespaces: {
        kvs: { a: record('plain') },
        secret: { a: record('secret') },
        'entity:thing': { a: record('entity') }
      }
    });
  });

  it('creates its folder on first use', async () => {
    const nested = join(dir, 'not', 'yet');
    await createFileKvsStore(nested).commit([{ namespace: 'kvs', key: 'k', record: record('v') }]);
    expect(await readdir(nested)).toEqual(['kvs.json']);
  });

  it('reopens the last committed state and ignores a temporary file a crash left behind', async () => {
    await createFileKvsStore(dir).commit([{ namespace: 'kvs', key: 'k', record: record('committed') }]);
    await writeFile(join(dir, 'kvs.json.999.1.tmp'), '{"half":', 'utf8');
    await expect(createFileKvsStore(dir).get('kvs', 'k')).resolves.toEqual(record('committed'));
  });

  it('removes deleted keys from the file', async () => {
    const store = createFileKvsStore(dir);
    await store.commit([{ namespace: 'kvs', key: 'gone', record: record('v') }]);
    await store.commit([{ namespace: 'kvs', key: 'gone', record: null }]);
    await expect(createFileKvsStore(dir).list('kvs')).resolves.toEqual([]);
  });

  it('keeps its previous state, in memory and on disk, when a commit cannot be written', async () => {
    const store = createFileKvsStore(dir);
    await store.commit([{ namespace: 'kvs', key: 'before', record: record('kept') }]);
    // A directory where the data file should go makes the final rename fail.
    await rm(join(dir, 'kvs.json'));
    await mkdir(join(dir, 'kvs.json', 'blocker'), { recursive: true });
    await expect(
      store.commit([{ namespace: 'kvs', key: 'before', record: null }, { namespace: 'kvs', key: 'after', record: record('lost') }])
    ).rejects.toThrow();
    await expect(store.list('kvs')).resolves.toEqual([{ key: 'before', record: record('kept') }]);
    expect(await readdir(dir)).toEqual(['kvs.json']);
  });

  it('refuses a data file it cannot read rather than starting empty over it', async () => {
    await writeFile(join(dir, 'kvs.json'), JSON.stringify({ version: 2, namespaces: {} }), 'utf8');
    await expect(createFileKvsStore(dir).get('kvs', 'k')).rejects.toThrow(/not in the expected format/);
    expect(JSON.parse(await readFile(join(dir, 'kvs.json'), 'utf8'))).toEqual({ version: 2, namespaces: {} });
  });
});
