import { z } from 'zod';
import { rawKeySchema } from '@usage-reporting/core/node';
import { historyEntrySchema } from '@usage-reporting/core/api';

export const installationSchema = z.strictObject({
  /**
   * Derived from the genesis signing key (a v8 uuid of its SHA-256, packages/core/src/collector-api/identity.ts),
   * made once; never from the site's cloud id or URL. Only the holder of that key can speak for it.
   */
  installationId: z.uuid({ version: 'v8' }),
  installedAt: z.iso.datetime(),
  /** The first public key (base64url), which certifies the id; later keys are endorsed from it (keys.keyChain). */
  genesisPublicKey: rawKeySchema
});
export type Installation = z.infer<typeof installationSchema>;

/** A previewed report, frozen: the exact text and its digest, and the consent it was built under. */
export const draftSchema = z.strictObject({
  draftId: z.uuid(),
  reportId: z.uuid(),
  text: z.string(),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  coverageKey: z.string(),
  createdAt: z.iso.datetime(),
  /** Set on a correction's draft: the report it replaces. Only sendCorrection sends such a draft. */
  supersedes: z.uuid().optional()
});
export type Draft = z.infer<typeof draftSchema>;

/** A report that was queued to leave, with its exact text: history shows these bytes. */
export const reportRecordSchema = historyEntrySchema.extend({ text: z.string() });
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
