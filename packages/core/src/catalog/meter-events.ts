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

/**
 * The name of any usage event, the toolkit's above or one an app declares for its own features
 * (`sso.loginSucceeded`): dotted camelCase like a catalog key, never free text. Which names count
 * is decided where the app is wired (createUsageReporting's meterEvents); stored counts under other
 * names are ignored.
 */
export const meterNameSchema = z.string().max(64).regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
