import type { KvsStore } from '../store.js';
import { applyWrites, listRecords, readRecord, type KvsState } from './state.js';

/** A KVS store that lives as long as the process: tests and throwaway runs. */
export function createMemoryKvsStore(): KvsStore {
  const state: KvsState = new Map();
  return {
    async get(namespace, key) {
      return readRecord(state, namespace, key);
    },
    async list(namespace) {
      return listRecords(state, namespace);
    },
    async commit(writes) {
      applyWrites(state, writes);
    }
  };
}
