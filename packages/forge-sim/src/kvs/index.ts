/** The simulated Forge Key-Value Store that @forge/kvs talks to through `__forge_fetch__`. */
export { createKvsService, type KvsServiceOptions } from './service';
export { createMemoryKvsStore } from './stores/memory';
export { createFileKvsStore } from './stores/file';
export { kvsLimits } from './limits';
export type { KvsStore, KvsNamespace, KvsWrite, StoredRecord, JsonValue } from './store';
