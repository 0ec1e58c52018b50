import { RateLimiter } from '../src/http/rate-limit';
import { manualClock } from './support';

describe('the per-installation rate limiter', () => {
  it('refills at the sustained rate and never above the burst', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ capacity: 2, perHour: 60 }, clock.now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 60 }]);
    clock.advanceMs(60_000);
    expect(limiter.take('a')).toEqual({ ok: true });
    clock.advanceMs(10 * 60 * 60_000);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a').ok]).toEqual([{ ok: true }, { ok: true }, false]);
  });

  it('stays fast when a flood of distinct installation ids keeps every bucket partly used', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ capacity: 30, perHour: 120 }, clock.now);
    const started = performance.now();
    // Sweeping on every request past the 100k threshold would walk the map 50,000 times here (minutes, not a second).
    for (let i = 0; i < 150_000; i++) limiter.take(`installation-${i}`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(limiter.tracked).toBe(150_000);
  });

  it('forgets installations whose buckets have refilled, which changes no decision', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ capacity: 30, perHour: 120 }, clock.now);
    for (let i = 0; i < 100_001; i++) limiter.take(`installation-${i}`);
    clock.advanceMs(60 * 60_000);
    limiter.take('late');
    limiter.take('later');
    expect(limiter.tracked).toBeLessThan(10);
  });
});
