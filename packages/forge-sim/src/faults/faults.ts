/**
 * Faults a test injects into the simulated platform. Each one is explicit and counted down: it fires
 * for the next N matching calls and then disarms, so a test states exactly which call fails.
 */
export interface SimFaults {
  /** The next `times` KVS calls (optionally only those whose op path contains `path`) answer 500. */
  failKvs(options?: { times?: number; path?: string }): void;
  /** The next `times` egress requests never get an answer; they end only when the caller aborts. */
  timeoutEgress(options?: { times?: number }): void;
  /** The next `times` egress requests get `status` (a 5xx, say) without reaching the target. */
  failEgress(options: { status: number; times?: number }): void;
  /**
   * The invocation that does the named thing next dies right after it: the operation takes effect,
   * then the app sees an error and every later platform call in that invocation fails, and the
   * invocation ends in an error whatever the app returns (as a Forge function that timed out would).
   * `afterKvsWrites: n` counts the writes made in invocations from now on, the nth one kills.
   */
  killInvocation(trigger: { afterEgressDelivered: true } | { afterKvsWrites: number }): void;
  /** Disarms everything not yet fired. */
  clear(): void;
  /** What is still armed, for a test's own assertions and for error messages. */
  armed(): string[];
}

/** The hooks the platform's services consult; not for tests. */
export interface FaultHooks {
  takeKvsFailure(path: string): boolean;
  takeEgressFault(): { kind: 'timeout' } | { kind: 'status'; status: number } | undefined;
  /** Called after a KVS write inside an invocation; true when this write is the one that kills. */
  killAfterKvsWrite(): boolean;
  /** Called after an egress request inside an invocation was answered; true when it kills. */
  killAfterEgress(): boolean;
}

interface Countdown<T> {
  remaining: number;
  value: T;
}

const KVS_WRITE_PATHS = new Set([
  '/api/v1/set',
  '/api/v1/delete',
  '/api/v1/secret/set',
  '/api/v1/secret/delete',
  '/api/v1/entity/set',
  '/api/v1/entity/delete',
  '/api/v1/batch/set',
  '/api/v1/batch/delete',
  '/api/v1/transaction'
]);

export function isKvsWrite(path: string): boolean {
  return KVS_WRITE_PATHS.has(path);
}

export function createFaults(): SimFaults & FaultHooks {
  let kvs: Countdown<{ path?: string }>[] = [];
  let egress: Countdown<{ kind: 'timeout' } | { kind: 'status'; status: number }>[] = [];
  let killOnEgress = false;
  let killOnWrite: { remaining: number } | undefined;

  const take = <T>(list: Countdown<T>[], match: (v: T) => boolean): T | undefined => {
    const hit = list.find((c) => c.remaining > 0 && match(c.value));
    if (!hit) return undefined;
    hit.remaining -= 1;
    return hit.value;
  };
  const positive = (n: number | undefined, what: string) => {
    const v = n ?? 1;
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${what} must be a positive integer, got ${v}`);
    return v;
  };

  return {
    failKvs(options = {}) {
      kvs.push({ remaining: positive(options.times, 'times'), value: { path: options.path } });
    },
    timeoutEgress(options = {}) {
      egress.push({ remaining: positive(options.times, 'times'), value: { kind: 'timeout' } });
    },
    failEgress(options) {
      if (!Number.isInteger(options.status) || options.status < 400 || options.status > 599) {
        throw new RangeError(`failEgress status must be 400..599, got ${options.status}`);
      }
      egress.push({ remaining: positive(options.times, 'times'), value: { kind: 'status', status: options.status } });
    },
    killInvocation(trigger) {
      if ('afterEgressDelivered' in trigger) killOnEgress = true;
      else killOnWrite = { remaining: positive(trigger.afterKvsWrites, 'afterKvsWrites') };
    },
    clear() {
      kvs = [];
      egress = [];
      killOnEgress = false;
      killOnWrite = undefined;
    },
    armed() {
      return [
        ...kvs.filter((c) => c.remaining > 0).map((c) => `kvs failure x${c.remaining}${c.value.path ? ` on ${c.value.path}` : ''}`),
        ...egress.filter((c) => c.remaining > 0).map((c) => (c.value.kind === 'timeout' ? `egress timeout x${c.remaining}` : `egress ${c.value.status} x${c.remaining}`)),
        ...(killOnEgress ? ['kill after egress delivered'] : []),
        ...(killOnWrite ? [`kill after ${killOnWrite.remaining} more KVS write(s)`] : [])
      ];
    },
    takeKvsFailure(path) {
      return take(kvs, (v) => v.path === undefined || path.includes(v.path)) !== undefined;
    },
    takeEgressFault() {
      return take(egress, () => true);
    },
    killAfterKvsWrite() {
      if (!killOnWrite) return false;
      killOnWrite.remaining -= 1;
      if (killOnWrite.remaining > 0) return false;
      killOnWrite = undefined;
      return true;
    },
    killAfterEgress() {
      if (!killOnEgress) return false;
      killOnEgress = false;
      return true;
    }
  };
}
