import { z } from 'zod';

/**
 * The closed set of events the app meters. A meter name is never free text: an unknown name
 * cannot be recorded, and stored events with unknown names are ignored when counts roll up.
 */
export const meterEvents = [
  'admin.page.opened',
  'report.previewed',
  'report.sent',
  'consent.changed',
  'data.exported'
] as const;

export const meterEventSchema = z.enum(meterEvents);
export type MeterEvent = z.infer<typeof meterEventSchema>;
