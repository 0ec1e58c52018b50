export * from './buckets.js';
export * from './catalog.js';
export * from './check-catalog.js';
export * from './context.js';
export * from './entry.js';
export * from './meter-events.js';
export * from './translations.js';
export * from './vocabulary.js';
export { builtInMetrics } from './metrics.js';
