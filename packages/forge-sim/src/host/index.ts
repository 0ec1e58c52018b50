/** The bridge host: the product page around the app's Custom UI, served under Forge's CSP. */
export * from './api.js';
export * from './host-page.js';
export * from './origins.js';
export * from './resource.js';
export * from './server.js';
