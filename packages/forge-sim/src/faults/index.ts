export { createFaults, isKvsWrite, type FaultHooks, type SimFaults } from './faults';
export { InvocationKilledError } from './errors';
