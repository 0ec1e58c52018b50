/**
 * @usage-reporting/collector: the vendor's service that receives reports and answers rights requests.
 * startCollector runs it (the bin and `npm run collector` call it) with the vendor's catalog, which
 * loadCatalogModule reads from a module. openStore opens the configured store (the SQLite file, or
 * PostgreSQL given a URL), migrated; the store classes serve tools and tests.
 */
export * from './aggregate/fold-day.js';
export * from './app.js';
export { loadCatalogModule, type CatalogModuleResult } from './catalog-module.js';
export * from './config.js';
export * from './dashboard/credential.js';
export * from './http/validate-report.js';
export * from './server.js';
export * from './store/sqlite-store.js';
export * from './store/open-store.js';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres/postgres-store.js';
export { MigrationError, type Migration, type StoreEngine } from './store/migration.js';
export * from './store/store.js';
