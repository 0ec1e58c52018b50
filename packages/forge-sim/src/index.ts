/**
 * @usage-reporting/forge-sim: the Forge platform, offline, under the real SDKs. createSimPlatform runs a
 * Forge app from its manifest; the bridge host is in ./host, the local runner in ./runner, and
 * ./install-globals installs the runtime globals the SDKs read (import it first).
 */
export * from './counters';
export * from './faults';
export * from './invoke/events';
export * from './invoke/load-app';
export * from './kvs';
export * from './manifest/functions';
export * from './manifest/load';
export * from './platform';
export * from './runtime/active-platform';
export * from './runtime/ports';
export * from './site';
export * from './site/shape';
export * from './site/users';
