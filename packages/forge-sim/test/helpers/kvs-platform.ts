import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForgeKvsAPIError } from '@forge/kvs';
import type { KvsService, SimPlatformPorts } from '../../src/runtime/ports';
import { setAmbientPlatform } from '../../src/runtime/active-platform';
import { createFileKvsStore, createKvsService, createMemoryKvsStore, type KvsStore } from '../../src/kvs/index';

/**
 * A platform that only has a KVS: enough to drive the real @forge/kvs client without the full
 * simulated platform. Anything else the SDKs might reach fails loudly.
 */
export function kvsOnlyPlatform(kvs: KvsService): SimPlatformPorts {
  const absent = (port: string) => () => {
    throw new Error(`The KVS contract platform has no ${port} port`);
  };
  return {
    kvs,
    product: { handle: absent('product') },
    egress: { fetch: absent('egress') },
    runtimeFor: () => ({})
  };
}

/** A clock the test moves by hand, so TTL expiry needs no waiting. */
export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export function manualClock(start = Date.parse('2026-03-01T12:00:00.000Z')): ManualClock {
  let current = start;
  return { now: () => current, advance: (ms) => void (current += ms) };
}

/** One store implementation under test, with a way to reopen it as a restarted process would. */
export interface StoreFixture {
  name: string;
  open(): Promise<KvsStore>;
  reopen(): KvsStore;
  cleanup(): Promise<void>;
}

export function memoryStoreFixture(): StoreFixture {
  let store: KvsStore | undefined;
  return {
    name: 'memory store',
    async open() {
      store = createMemoryKvsStore();
      return store;
    },
    reopen() {
      if (!store) throw new Error('open() first');
      return store;
    },
    async cleanup() {
      store = undefined;
    }
  };
}

export function fileStoreFixture(): StoreFixture {
  let dir: string | undefined;
  return {
    name: 'file store',
    async open() {
      dir = await mkdtemp(join(tmpdir(), 'kvs-contract-'));
      return createFileKvsStore(dir);
    },
    reopen() {
      if (!dir) throw new Error('open() first');
      return createFileKvsStore(dir);
    },
    async cleanup() {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = undefined;
    }
  };
}

/** Makes `service` the platform @forge/kvs reaches; returns the detach step for afterEach. */
export function attachKvs(service: KvsService): () => void {
  setAmbientPlatform(kvsOnlyPlatform(service));
  return () => setAmbientPlatform(undefined);
}

/** The two store implementations every contract suite runs against. */
export const storeFixtures: Array<[string, () => StoreFixture]> = [
  ['memory store', memoryStoreFixture],
  ['file store', fileStoreFixture]
];

export interface KvsUnderTest {
  readonly clock: ManualClock;
  readonly service: KvsService;
  /** A new service over the same stored data, as after a process restart. */
  restart(): void;
}

/**
 * Registers beforeEach/afterEach that give each test a fresh store, a manual clock and a service
 * that the real @forge/kvs client reaches, and detach it afterwards.
 */
export function useKvsUnderTest(makeFixture: () => StoreFixture): KvsUnderTest {
  let fixture: StoreFixture | undefined;
  let clock: ManualClock | undefined;
  let service: KvsService | undefined;
  let detach: (() => void) | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useKvsUnderTest: only available inside a test');
    return value;
  };

  beforeEach(async () => {
    fixture = makeFixture();
    clock = manualClock();
    service = createKvsService({ store: await fixture.open(), now: clock.now });
    detach = attachKvs(service);
  });

  afterEach(async () => {
    detach?.();
    await fixture?.cleanup();
    fixture = clock = service = detach = undefined;
  });

  return {
    get clock() {
      return need(clock);
    },
    get service() {
      return need(service);
    },
    restart() {
      need(detach)();
      service = createKvsService({ store: need(fixture).reopen(), now: need(clock).now });
      detach = attachKvs(service);
    }
  };
}

/** The SDK error a rejected call raised, as `{ code, status }`; fails the test if it resolved. */
export async function kvsError(promise: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError)) throw error;
    return { code: error.code, status: error.responseDetails.status };
  }
  throw new Error('expected the KVS call to be rejected');
}
