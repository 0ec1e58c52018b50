/**
 * SSO Config's catalog as the vendor's collector loads it (COLLECTOR_CATALOG names this module; the
 * collector reads its `catalog` export): reports are checked against the very catalog that built them.
 */
export { ssoCatalog as catalog } from './catalog';
