export * from './envelope.js';
export * from './product.js';
export * from './resolvers.js';
export * from './delivery.js';
export * from './notices.js';
