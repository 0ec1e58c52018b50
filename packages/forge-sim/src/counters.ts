/**
 * What the platform did on the app's behalf, counted so the bench and tests can read the cost of a
 * scenario (how many KVS reads did a preview take? did a 50,000-project site cost more product calls?).
 */
export interface CounterSnapshot {
  /** Invocations started, by manifest function key (`resolver`, `scheduled`, `lifecycle`). */
  invocations: Record<string, number>;
  /** KVS REST calls by operation path (`/api/v1/get`, `/api/v1/set`, ...). */
  kvs: Record<string, number>;
  /** Product REST calls by `METHOD path-without-query` (`GET /rest/api/3/project/search`). */
  product: Record<string, number>;
  /** Egress requests by origin the app asked for (`https://collector.usage-reporting.example.com`). */
  egress: Record<string, number>;
}

export interface PlatformCounters {
  count(kind: keyof CounterSnapshot, key: string): void;
  /** A copy; later calls do not change it. */
  snapshot(): CounterSnapshot;
  /** Total over every key of one kind. */
  total(kind: keyof CounterSnapshot): number;
  reset(): void;
}

export function createCounters(): PlatformCounters {
  let state = empty();
  return {
    count(kind, key) {
      state[kind][key] = (state[kind][key] ?? 0) + 1;
    },
    snapshot() {
      return {
        invocations: { ...state.invocations },
        kvs: { ...state.kvs },
        product: { ...state.product },
        egress: { ...state.egress }
      };
    },
    total(kind) {
      return Object.values(state[kind]).reduce((sum, n) => sum + n, 0);
    },
    reset() {
      state = empty();
    }
  };
}

function empty(): CounterSnapshot {
  return { invocations: {}, kvs: {}, product: {}, egress: {} };
}
