import type { CollectorAnswerPayload } from './answer-payloads.js';
import type { HandOver } from './hand-over.js';
import { idempotencyKeyHeader } from './ingest.js';

/**
 * The names files are offered under, on both sides: what the app downloads for the admin to hand
 * over, and what the collector hands back. A name says what the file is at a glance in a downloads
 * folder or an e-mail; nothing reads a name back, the file's content says what it is.
 */

/** An ISO instant as a file-name part: 2026-12-03T10:15:00.000Z -> 20261203T101500Z. */
const compactInstant = (iso: string): string => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

/** A report by its id, a rights request by its kind and the time the app made it. */
export function handOverFileName(handOver: HandOver): string {
  const reportId = handOver.request.headers[idempotencyKeyHeader];
  if (handOver.kind === 'report') return `usage-report-${reportId ?? compactInstant(handOver.createdAt)}.json`;
  if (handOver.kind === 'correction') return `usage-report-correction-${reportId ?? compactInstant(handOver.createdAt)}.json`;
  return `usage-report-${handOver.kind}-request-${compactInstant(handOver.createdAt)}.json`;
}

/**
 * A receipt is `usage-report-receipt-<receiptId>.json`, an acknowledgement is named by its id, and the
 * answers without one by the instant they describe.
 */
export function collectorAnswerFileName(payload: CollectorAnswerPayload): string {
  switch (payload.kind) {
    case 'report-receipt':
      return `usage-report-receipt-${payload.receiptId}.json`;
    case 'deletion-acknowledgement':
      return `usage-report-deletion-${payload.acknowledgementId}.json`;
    case 'retraction-acknowledgement':
      return `usage-report-retraction-${payload.acknowledgementId}.json`;
    case 'restriction-acknowledgement':
      return `usage-report-restriction-${compactInstant(payload.updatedAt)}.json`;
    case 'installation-export':
      return `usage-report-export-${compactInstant(payload.exportedAt)}.json`;
  }
}
