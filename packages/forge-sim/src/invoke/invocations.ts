import type { Product } from '@usage-reporting/core/api';
import { isInsideInvocation, currentInvocation } from '../runtime/active-platform.js';
import { InvocationKilledError } from '../faults/errors.js';

/** What the platform knows about one running invocation. */
export interface InvocationRecord {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  product: Product;
  accountId?: string;
  deadline: number;
  /** Set when a fault or the time limit killed it; every later platform call then fails. */
  killed?: InvocationKilledError;
}

/**
 * The invocations running on one platform. Services call `enter()` at the start of each platform call
 * so a killed invocation's later calls fail, as calls from a dead Forge sandbox would.
 */
export interface InvocationTable {
  start(record: InvocationRecord): void;
  end(invocationId: string): InvocationRecord | undefined;
  get(invocationId: string): InvocationRecord | undefined;
  /** The calling invocation's record, or undefined for calls made outside any invocation. Throws if killed. */
  enter(): InvocationRecord | undefined;
  /** Marks the invocation dead and returns the error its current call should throw. */
  kill(invocationId: string, reason: string): InvocationKilledError;
}

export function createInvocationTable(): InvocationTable {
  const live = new Map<string, InvocationRecord>();
  return {
    start(record) {
      live.set(record.invocationId, record);
    },
    end(invocationId) {
      const record = live.get(invocationId);
      live.delete(invocationId);
      return record;
    },
    get: (invocationId) => live.get(invocationId),
    enter() {
      if (!isInsideInvocation()) return undefined;
      const id = currentInvocation()?.scope.invocationId;
      const record = id === undefined ? undefined : live.get(id);
      if (record?.killed) throw record.killed;
      return record;
    },
    kill(invocationId, reason) {
      const error = new InvocationKilledError(invocationId, reason);
      const record = live.get(invocationId);
      if (record && !record.killed) record.killed = error;
      return record?.killed ?? error;
    }
  };
}
