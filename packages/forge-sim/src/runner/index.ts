/** The local runner behind `npm start`: platform, collector and bridge host in one process. */
export * from './dashboard-token.js';
export * from './options.js';
export * from './runner.js';
export * from './seed.js';
