/**
 * The collector's HTTP contract, without node:crypto (signing lives in the package's ./node
 * entry, for where node:crypto is available).
 */
export * from './paths.js';
export * from './errors.js';
export * from './ingest.js';
export * from './rights.js';
export * from './corrections.js';
export * from './fingerprint.js';
export * from './signed-answer.js';
export * from './answer-payloads.js';
export * from './hand-over.js';
export * from './file-names.js';
export * from './upload.js';
