import { z } from 'zod';
import { historySummarySchema } from '../../shared/report/records';

export const installationSchema = z.strictObject({
  /** Random (uuid v4), made once; never derived from the site's cloud id or URL. */
  installationId: z.uuid({ version: 'v4' }),
  installedAt: z.iso.datetime()
});
export type Installation = z.infer<typeof installationSchema>;

/** A previewed report, frozen: the exact text and its digest, and the consent it was built under. */
export const draftSchema = z.strictObject({
  draftId: z.uuid(),
  reportId: z.uuid(),
  text: z.string(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  coverageKey: z.string(),
  createdAt: z.iso.datetime()
});
export type Draft = z.infer<typeof draftSchema>;

/** A report that was queued to leave, with its exact text: history shows these bytes. */
export const reportRecordSchema = historySummarySchema.extend({ text: z.string() });
export type ReportRecord = z.infer<typeof reportRecordSchema>;

/** Intent to send, written BEFORE the transmission so a function that dies mid-send is retried. */
export const outboxEntrySchema = z.strictObject({
  reportId: z.uuid(),
  queuedAt: z.iso.datetime(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.iso.datetime()
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const dayCountsSchema = z.record(z.string(), z.number().int().nonnegative());

export const historyAggregateSchema = z.strictObject({
  purgedReports: z.number().int().nonnegative(),
  purgedSent: z.number().int().nonnegative(),
  oldestPurgedAt: z.iso.datetime().nullable()
});
