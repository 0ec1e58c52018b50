/**
 * Token buckets per key (a verified installation, or the source address of unauthenticated traffic),
 * in memory: one collector process is the unit that must not be flooded. A restart forgets the
 * buckets, which only ever errs towards accepting.
 *
 * Why not @fastify/rate-limit (createRateLimit + keyGenerator would fit the call-after-authentication
 * shape): its in-memory store reads Date.now() itself, so the collector's injectable clock could drive
 * it only through a custom store, which is this counting logic written again behind its interface;
 * it counts fixed windows, so a client gets twice the limit across a window edge, where the bucket
 * expresses what the configuration says (a burst, then a sustained rate); and its store is an LRU of
 * 5,000 keys by default, so a flood of distinct keys silently resets the counters of the rest.
 */
export interface RateLimit {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Sustained requests per hour. */
  perHour: number;
}

export const defaultRateLimit: RateLimit = { capacity: 30, perHour: 120 };
/** Per source address, for requests that prove no installation. Genuine apps rarely fail authentication. */
export const defaultUnauthenticatedPerMinute = 60;
export const perMinute = (n: number): RateLimit => ({ capacity: n, perHour: n * 60 });
const sweepAbove = 100_000;
const sweepEveryMs = 60_000;

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  /** At most one sweep a minute: a flood of distinct ids must not make every request walk the whole map. */
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => Date
  ) {
    this.perMs = limit.perHour / 3_600_000;
  }

  take(key: string): Take {
    const t = this.now().getTime();
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(this.limit.capacity, held.tokens + (t - held.at) * this.perMs) : this.limit.capacity;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: t });
    if (this.buckets.size > sweepAbove && t - this.lastSweep >= sweepEveryMs) {
      this.lastSweep = t;
      this.sweep(t);
    }
    return { ok: true };
  }

  /** How many installations are being tracked (for tests and metrics). */
  get tracked(): number {
    return this.buckets.size;
  }

  /** Full buckets carry no information: dropping them bounds memory without changing any decision. */
  private sweep(t: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.limit.capacity) this.buckets.delete(key);
  }
}
