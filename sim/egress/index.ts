export { createEgressService, type EgressOptions } from './egress';
export { EgressNotAllowedError, unreachableHostError } from './errors';
