import type { ConsentState } from '../../shared/report/consent';
import { addDays, addMonths, utcDay } from './dates';

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
