export * from './canonical-json';
export * from './consent';
export * from './privacy-guard';
export * from './schema';
