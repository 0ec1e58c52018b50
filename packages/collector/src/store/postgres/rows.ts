import { z } from 'zod';
import type { StoredReport } from '../store.js';
import { instant } from './connection.js';

/** The columns of a raw report, as every read of one selects them. */
export const reportColumns = (alias: string) =>
  ['report_id', 'receipt_id', 'installation_id', 'received_at', 'digest', 'bytes'].map((c) => `${alias}.${c}`).join(', ');

export const reportRow = z.object({
  report_id: z.string(),
  receipt_id: z.string(),
  installation_id: z.string(),
  received_at: instant,
  digest: z.string(),
  bytes: z.string()
});

export const storedOf = (r: z.infer<typeof reportRow>): StoredReport => ({
  reportId: r.report_id,
  receiptId: r.receipt_id,
  installationId: r.installation_id,
  receivedAt: r.received_at,
  digest: r.digest,
  bytes: r.bytes
});

export const toReport = (row: unknown): StoredReport => storedOf(reportRow.parse(row));

/** A day as the store hands days out, whatever the session's DateStyle: select it through this. */
export const dayText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** The UTC day of a timestamptz, as a date, whatever the session's time zone. */
export const utcDay = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`;

/** A day's bounds as instants: [day 00:00Z, next day 00:00Z). */
export const dayStart = (day: string) => `${day}T00:00:00.000Z`;
