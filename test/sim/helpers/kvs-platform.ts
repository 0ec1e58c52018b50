import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KvsService, SimPlatformPorts } from '../../../sim/runtime/ports';
import { setAmbientPlatform } from '../../../sim/runtime/active-platform';
import { createFileKvsStore, createMemoryKvsStore, type KvsStore } from '../../../sim/kvs';

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
