/** The simulated Forge Key-Value Store that @forge/kvs talks to through `__forge_fetch__`. */
export { createKvsService, type KvsServiceOptions } from './service.js';
export { createMemoryKvsStore } from './stores/memory.js';
export { createFileKvsStore } from './stores/file.js';
export { kvsLimits } from './limits.js';
export type { KvsStore, KvsNamespace, KvsWrite, StoredRecord, JsonValue } from './store.js';
