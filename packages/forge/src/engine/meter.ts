import { randomUUID } from 'node:crypto';
import { meterEvents } from '@usage-reporting/core';
import { canonicalJson } from '@usage-reporting/core';
import { utcDay } from '@usage-reporting/core';
import { countRawKeys, RAW_PREFIX, RAW_TTL_DAYS, rawMeterKey, type DayCounts } from '../core/meter-rollup.js';
import { keys } from '../store/keys.js';
import { listPrefix, listParsed, write } from '../store/kvs-store.js';
import { dayCountsSchema } from '../store/records.js';

/** The toolkit's own events (its admin page); an app adds its own names through createUsageReporting. */
export const toolkitMeterEvents: ReadonlySet<string> = new Set(meterEvents);

/**
 * `meter('report.previewed')`: one KVS write per event, under a key no other call can produce
 * (day + event + uuid), expiring by TTL. Concurrent calls never read-modify-write a shared counter,
 * so none is lost. A failed write is returned, not thrown: metering must never break the action.
 */
export async function meter(event: string, now: Date = new Date(), known: ReadonlySet<string> = toolkitMeterEvents): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!known.has(event)) {
    const reason = `'${event}' is not a declared usage event (declare it in createUsageReporting's meterEvents)`;
    console.warn(`[meter] ${reason}`);
    return { ok: false, reason };
  }
  try {
    await write(rawMeterKey(utcDay(now), event, randomUUID()), 1, { value: RAW_TTL_DAYS, unit: 'DAYS' });
    return { ok: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[meter] could not record ${event}: ${reason}`);
    return { ok: false, reason };
  }
}

/**
 * Rolls raw events up into per-day counts and returns every stored day. Idempotent: each day is
 * recomputed from its raw keys and overwritten, never incremented. Only days whose count changed
 * are written, so building a report costs no writes for days that saw no new events.
 */
export async function rollUpMeters(now: Date, known: ReadonlySet<string> = toolkitMeterEvents): Promise<Array<{ day: string; counts: DayCounts }>> {
  const [raw, { values }] = await Promise.all([listPrefix(RAW_PREFIX), listParsed(keys.meterDayPrefix, dayCountsSchema)]);
  const recomputed = countRawKeys(raw.map((r) => r.key), utcDay(now), known);
  const days = new Map<string, DayCounts>();
  for (const { key, value } of values) {
    const counts: DayCounts = {};
    for (const [name, n] of Object.entries(value)) {
      if (known.has(name)) counts[name] = n;
    }
    days.set(key.slice(keys.meterDayPrefix.length), counts);
  }
  for (const [day, counts] of recomputed) {
    const stored = days.get(day);
    if (stored === undefined || canonicalJson(stored) !== canonicalJson(counts)) await write(keys.meterDay(day), counts);
    days.set(day, counts);
  }
  return [...days].map(([day, counts]) => ({ day, counts })).sort((a, b) => (a.day < b.day ? -1 : 1));
}
