export { createFaults, isKvsWrite, type FaultHooks, type SimFaults } from './faults.js';
export { InvocationKilledError } from './errors.js';
