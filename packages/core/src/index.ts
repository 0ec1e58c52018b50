/**
 * @usage-reporting/core: the pure part of consent-first usage reporting. The catalog and its metric
 * helpers, the report schema, canonical JSON and its digest, the privacy guard, consent state and its
 * transitions, and report building. No @forge import and no node: module: it runs in the browser
 * and in Node. The resolver contract is in ./api, the collector's HTTP contract in ./collector-api,
 * and what needs node:crypto (installation keys, request signing) in ./node.
 */
export * from './catalog/index.js';
export * from './report/index.js';
export * from './reporting/index.js';
