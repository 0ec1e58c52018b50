import type { ConsentState } from '@usage-reporting/core';
import { addDays, addMonths, utcDay } from '@usage-reporting/core';

/**
 * Is an automatic report due? The trigger runs daily, so this works in whole UTC days: a weekly
 * report is due seven calendar days after the last one, a monthly one on the same day a month later.
 * The first automatic report goes out on the first run after the admin chose automatic.
 */
export function isReportDue(consent: ConsentState, lastAutomaticDay: string | null, now: Date): boolean {
  if (consent.mode !== 'automatic') return false;
  if (lastAutomaticDay === null) return true;
  const next = consent.cadence === 'weekly' ? addDays(lastAutomaticDay, 7) : addMonths(lastAutomaticDay, 1);
  return utcDay(now) >= next;
}

/**
 * The period a new report covers: from where the last report that left ended (or the day the app was
 * installed) up to today. Half-open, [from, to), so consecutive reports never count a day twice.
 */
export function reportPeriod(lastSentTo: string | null, installedDay: string, now: Date): { from: string; to: string } {
  const to = utcDay(now);
  const from = lastSentTo ?? installedDay;
  return { from: from <= to ? from : to, to };
}

/**
 * When the daily trigger will next send an automatic report, for the page to show. The first one is
 * due at once (the next run sends it); later ones on the cadence's day, from its first minute.
 */
export function nextAutomaticAt(consent: ConsentState, lastAutomaticDay: string | null, now: Date): string | null {
  if (consent.mode !== 'automatic') return null;
  if (lastAutomaticDay === null) return now.toISOString();
  const next = consent.cadence === 'weekly' ? addDays(lastAutomaticDay, 7) : addMonths(lastAutomaticDay, 1);
  const at = new Date(`${next}T00:00:00.000Z`);
  return (at.getTime() < now.getTime() ? now : at).toISOString();
}

/**
 * The day the last automatic report was queued (sent or still pending): the cadence counts from there.
 * Cancelled and rejected reports never left, so they do not move the schedule.
 */
export function lastAutomaticDay(reports: ReadonlyArray<{ trigger: string; status: string; createdAt: string }>): string | null {
  let last: string | null = null;
  for (const r of reports) {
    if (r.trigger !== 'automatic' || (r.status !== 'sent' && r.status !== 'pending')) continue;
    const day = utcDay(new Date(r.createdAt));
    if (last === null || day > last) last = day;
  }
  return last;
}
