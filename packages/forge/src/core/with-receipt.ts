import type { StoredReceipt } from '@usage-reporting/core';
import type { ReportRecord } from '../store/records.js';

/**
 * A report the collector acknowledged left the site, whatever its record says: a withdrawal can
 * mark the record 'cancelled' in the instant between the transmission and its outcome being saved.
 * History reads the receipt as the truth, so it never shows a report that left as one that did not.
 */
export function withReceipt(record: ReportRecord, receipt: StoredReceipt | undefined): ReportRecord {
  if (receipt === undefined || (record.status === 'sent' && record.receipt !== null)) return record;
  // The record was last saved before the acknowledged attempt, so that attempt is not counted in it yet.
  return { ...record, status: 'sent', receipt, sentAt: record.sentAt ?? receipt.receivedAt, attempts: record.attempts + 1, lastError: null };
}
