/** The local runner behind `npm start`: platform, collector and bridge host in one process. */
export * from './dashboard-token';
export * from './options';
export * from './runner';
export * from './seed';
