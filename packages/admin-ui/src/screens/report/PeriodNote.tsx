import { z } from 'zod';
import type { HistoryEntry, PreviewOutput } from '@usage-reporting/core/api';
import { useI18n } from '../../i18n/index.js';

/** Only the period is read from the previewed bytes; the rest of the report is the views' business. */
const periodOf = z.object({ period: z.object({ from: z.string(), to: z.string() }) });

/**
 * A report covers whole UTC days [from, to), up to the day it is made. On the day counting starts (or
 * the day a report already left) that period is empty, so every usage count in the preview is zero:
 * say why, rather than let the zeros look like a site nobody uses.
 */
export function PeriodNote({ preview, history }: { preview: PreviewOutput; history: readonly HistoryEntry[] }) {
  const { t, formatDate } = useI18n();
  let parsed: ReturnType<typeof periodOf.safeParse>;
  try {
    parsed = periodOf.safeParse(JSON.parse(preview.text));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const { from, to } = parsed.data.period;
  if (from !== to) return null;
  // The period starts where the last report that left (or waits to leave) ended; before any, at installation.
  const firstPeriod = !history.some((entry) => entry.status === 'sent' || entry.status === 'pending');
  return (
    <p className="notice notice-info" data-testid="period-note" data-period-start={from}>
      {/* Noon UTC names the same calendar day in every time zone within twelve hours of UTC. */}
      {firstPeriod ? t('report.period.firstDay', { day: formatDate(`${from}T12:00:00.000Z`) }) : t('report.period.sameDay')}
    </p>
  );
}
