export { createEgressService, type EgressOptions, type EgressViolation, type SimEgress } from './egress.js';
export { EgressNotAllowedError, EgressViolationError, unreachableHostError } from './errors.js';
