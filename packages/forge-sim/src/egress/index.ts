export { createEgressService, type EgressOptions, type SimEgress } from './egress.js';
export { EgressNotAllowedError, unreachableHostError } from './errors.js';
