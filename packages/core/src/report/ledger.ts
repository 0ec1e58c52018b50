import { z } from 'zod';

/** One recorded change of what the admin allows: who, when, what changed, under which format. */
export const ledgerActionSchema = z.enum([
  'set-consent',
  'accept-format',
  'set-restrictions',
  'withdraw',
  'send-per-case',
  'request-vendor-deletion',
  'request-vendor-export',
  'restrict-vendor-processing',
  'set-retention',
  'erase-site-data',
  /** The admin sent a correction of an earlier report (digest: the correction's bytes). */
  'correct-report',
  /** The admin asked the vendor to retract one report. */
  'retract-report'
]);
export type LedgerAction = z.infer<typeof ledgerActionSchema>;

export const ledgerChangeSchema = z.strictObject({ path: z.string(), from: z.json(), to: z.json() });
export type LedgerChange = z.infer<typeof ledgerChangeSchema>;

export const ledgerEntrySchema = z.strictObject({
  id: z.string(),
  at: z.iso.datetime(),
  /** The admin's account id; null once the account was closed and the entry anonymised. */
  accountId: z.string().nullable(),
  action: ledgerActionSchema,
  changes: z.array(ledgerChangeSchema),
  formatVersion: z.number().int().nonnegative(),
  /** For a per-case send: the digest of the exact bytes the admin consented to. */
  digest: z.string().regex(/^[0-9a-f]{64}$/).optional()
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
