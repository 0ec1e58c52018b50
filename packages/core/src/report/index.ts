export * from './canonical-json.js';
export * from './consent.js';
export * from './privacy-guard.js';
export * from './schema.js';
export * from './ledger.js';
export * from './records.js';
