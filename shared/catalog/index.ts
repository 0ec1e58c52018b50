export * from './buckets';
export * from './catalog';
export * from './context';
export * from './entry';
export * from './meter-events';
export * from './vocabulary';
export { builtInMetrics } from './metrics';
