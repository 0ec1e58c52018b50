/** The bridge host: the product page around the app's Custom UI, served under Forge's CSP. */
export * from './api';
export * from './host-page';
export * from './origins';
export * from './resource';
export * from './server';
