export { createEgressService, type EgressOptions, type SimEgress } from './egress';
export { EgressNotAllowedError, unreachableHostError } from './errors';
