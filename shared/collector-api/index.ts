/**
 * The collector's HTTP contract, without node:crypto (signing lives in ./signing, import it directly
 * where node:crypto is available).
 */
export * from './paths';
export * from './errors';
export * from './ingest';
export * from './rights';
export * from './corrections';
