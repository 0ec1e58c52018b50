import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../support/reference-app';
import { applySeed, parseSeed, readSeedFile, type Seed } from '@usage-reporting/forge-sim/runner';

let platform: SimPlatform;
let dir: string;
beforeEach(async () => {
  platform = createReferencePlatform();
  dir = await mkdtemp(path.join(os.tmpdir(), 'seed-test-'));
});
afterEach(async () => {
  platform.close();
  await rm(dir, { recursive: true, force: true });
});

function seedOf(input: unknown): Seed {
  const parsed = parseSeed(input, 'test seed');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Reads what the app would see, through the real @forge/kvs inside an invocation. */
function asApp<T>(fn: () => Promise<T>): Promise<T> {
  return platform.runAsInvocation({ functionKey: 'resolver', accountId: platform.users.admin }, fn);
}

describe('a seed', () => {
  test('has values and secrets, both optional', () => {
    expect(seedOf({})).toEqual({ values: {}, secrets: {} });
    expect(seedOf({ values: { consent: { formatVersion: 1 } } })).toEqual({ values: { consent: { formatVersion: 1 } }, secrets: {} });
  });

  test('a flat key → value map is refused with the expected shape, so a misplaced entry is not silently ignored', () => {
    const parsed = parseSeed({ consent: { formatVersion: 1 } }, 'The seed option');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('The seed option is not a seed. A seed is {"values": {"<key>": <json>}, "secrets": {"<key>": <json>}}');
    expect(parsed.message).toContain('consent');
  });

  test('a value that is not JSON (a function, undefined) is refused', () => {
    expect(parseSeed({ values: { settings: () => 1 } }, 'seed').ok).toBe(false);
    expect(parseSeed({ values: { settings: undefined } }, 'seed').ok).toBe(false);
  });
});

describe('applying a seed', () => {
  test('the app reads the seeded values and secrets through the real @forge/kvs', async () => {
    const seed = seedOf({
      values: { consent: { formatVersion: 1, acceptedAt: '2026-01-02T03:04:05.000Z' }, 'meter:day:2026-11-28': 3 },
      secrets: { 'collector-secret': 's3cret' }
    });
    expect(await applySeed(platform.kvs, seed)).toEqual({ ok: true, value: { values: 2, secrets: 1 } });

    const seen = await asApp(async () => ({
      consent: await kvs.get('consent'),
      meter: await kvs.get('meter:day:2026-11-28'),
      secret: await kvs.getSecret('collector-secret'),
      secretAsValue: await kvs.get('collector-secret')
    }));
    expect(seen).toEqual({
      consent: { formatVersion: 1, acceptedAt: '2026-01-02T03:04:05.000Z' },
      meter: 3,
      secret: 's3cret',
      // Secrets live apart from values, as on Forge.
      secretAsValue: undefined
    });
  });

  test("a key Forge would refuse fails with the KVS's own error, naming the entry", async () => {
    const applied = await applySeed(platform.kvs, seedOf({ values: { 'bad/key': 1 } }));
    expect(applied).toEqual({
      ok: false,
      message: expect.stringMatching(/^The seed's value 'bad\/key' was refused by the KVS: INVALID_KEY: The provided key does not match/)
    });
  });

  test('a value over 240 KiB fails with MAX_SIZE', async () => {
    const applied = await applySeed(platform.kvs, seedOf({ values: { big: 'x'.repeat(240 * 1024) } }));
    expect(applied).toEqual({ ok: false, message: expect.stringMatching(/^The seed's value 'big' was refused by the KVS: MAX_SIZE: /) });
  });
});

describe('reading a seed file', () => {
  test('reads and validates the JSON file', async () => {
    const file = path.join(dir, 'seed.json');
    await writeFile(file, JSON.stringify({ values: { settings: { paused: true } } }));
    expect(await readSeedFile(file)).toEqual({ ok: true, value: { values: { settings: { paused: true } }, secrets: {} } });
  });

  test('a missing file, broken JSON and a wrong shape are each reported with the file name', async () => {
    const missing = await readSeedFile(path.join(dir, 'nope.json'));
    expect(missing).toEqual({ ok: false, message: expect.stringContaining(`Cannot read the seed file ${path.join(dir, 'nope.json')}`) });

    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "values": ');
    expect(await readSeedFile(broken)).toEqual({ ok: false, message: expect.stringContaining(`The seed file ${broken} is not JSON`) });

    const flat = path.join(dir, 'flat.json');
    await writeFile(flat, JSON.stringify({ consent: {} }));
    expect(await readSeedFile(flat)).toEqual({ ok: false, message: expect.stringContaining(`The seed file ${flat} is not a seed.`) });
  });
});
