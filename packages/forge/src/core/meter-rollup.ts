import { addDays } from '@usage-reporting/core';

/**
 * Metering writes one KVS key per event (`meter:raw:<day>:<event>:<unique>`), which concurrent
 * writers cannot conflict on. Rolling up counts those keys per day. A day's count is recomputed
 * from its raw keys on every rollup and overwrites the stored one, which makes rollup idempotent
 * (a rollup that dies halfway double counts nothing). Only days whose raw keys cannot have started
 * expiring are recomputed, so a partly expired day never overwrites a complete count.
 */
export const RAW_PREFIX = 'meter:raw:';
export const RAW_TTL_DAYS = 35;
export const RECOMPUTE_WINDOW_DAYS = RAW_TTL_DAYS - 2;

export const rawMeterKey = (day: string, event: string, unique: string): string => `${RAW_PREFIX}${day}:${event}:${unique}`;

/** Counts per event name; only names the app declared are ever counted (`known` below). */
export type DayCounts = Record<string, number>;

export function countRawKeys(keys: readonly string[], today: string, known: ReadonlySet<string>): Map<string, DayCounts> {
  const oldest = addDays(today, -RECOMPUTE_WINDOW_DAYS);
  const days = new Map<string, DayCounts>();
  for (const key of keys) {
    const m = /^meter:raw:(\d{4}-\d{2}-\d{2}):([^:]+):[^:]+$/.exec(key);
    if (!m) continue;
    const day = m[1] ?? '';
    const name = m[2] ?? '';
    // A planted or stale key with an unknown event name is ignored: only declared events are counted.
    if (!known.has(name) || day < oldest || day > today) continue;
    const counts = days.get(day) ?? {};
    counts[name] = (counts[name] ?? 0) + 1;
    days.set(day, counts);
  }
  return days;
}

/** Usage for a half-open period [from, to), summed from per-day counts. */
export function usageInPeriod(days: ReadonlyArray<{ day: string; counts: DayCounts }>, period: { from: string; to: string }, known: ReadonlySet<string>): DayCounts {
  const total: DayCounts = {};
  for (const { day, counts } of days) {
    if (day < period.from || day >= period.to) continue;
    for (const [event, n] of Object.entries(counts)) {
      if (known.has(event) && typeof n === 'number') total[event] = (total[event] ?? 0) + n;
    }
  }
  return total;
}
