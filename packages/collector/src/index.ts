/**
 * @usage-reporting/collector: the vendor's service that receives reports and answers rights requests.
 * startCollector runs it (the bin and `npm run collector` call it); the store classes serve tools and tests.
 */
export * from './aggregate/fold-day';
export * from './app';
export * from './config';
export * from './dashboard/credential';
export * from './http/validate-report';
export * from './server';
export * from './store/sqlite-store';
export * from './store/store';
