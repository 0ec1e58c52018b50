/**
 * @usage-reporting/forge-sim: the Forge platform, offline, under the real SDKs. createSimPlatform runs a
 * Forge app from its manifest; the bridge host is in ./host, the local runner in ./runner, and
 * ./install-globals installs the runtime globals the SDKs read (import it first).
 */
export * from './counters.js';
export * from './faults/index.js';
export * from './installations.js';
export * from './invoke/events.js';
export * from './invoke/load-app.js';
export * from './kvs/index.js';
export * from './locale.js';
export * from './manifest/functions.js';
export * from './manifest/load.js';
export * from './platform.js';
export * from './runtime/active-platform.js';
export * from './runtime/ports.js';
export * from './site/index.js';
export * from './site/shape.js';
export * from './site/users.js';
