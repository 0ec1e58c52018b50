import { sendReportOutput } from '@usage-reporting/core/api';
import { sendOutput } from '../src/engine/send';
import type { ReportRecord } from '../src/store/records';

/**
 * A send's answer tells the admin what happened as a notice code, never as a sentence: each state a
 * report can be in after the attempt has its code, and the transport's words are the code's data.
 */
const record = (overrides: Partial<ReportRecord>): ReportRecord => ({
  reportId: '6c0a4c6e-4c2d-4b0a-9a57-3f3f5b8f0a11',
  trigger: 'per-case',
  createdAt: '2026-11-29T10:00:00.000Z',
  sentAt: null,
  status: 'pending',
  digest: 'a'.repeat(64),
  size: 2,
  attempts: 0,
  lastError: null,
  receipt: null,
  period: { from: '2026-11-28', to: '2026-11-29' },
  text: '{}',
  ...overrides
});

const receipt = { receiptId: 'rcpt-1', reportId: '6c0a4c6e-4c2d-4b0a-9a57-3f3f5b8f0a11', receivedAt: '2026-11-29T10:00:01.000Z', digest: 'a'.repeat(64), duplicate: false };

test.each([
  ['sent', { status: 'sent', sentAt: '2026-11-29T10:00:01.000Z', receipt }, 'sent', { code: 'send.sent', params: {} }],
  ['queued, never tried', {}, 'queued', { code: 'send.unreachable', params: { detail: null } }],
  ['queued after a 503', { attempts: 1, lastError: 'collector failed (503)' }, 'queued', { code: 'send.unreachable', params: { detail: 'collector failed (503)' } }],
  [
    'queued: the receipt did not verify',
    { attempts: 1, lastError: "the collector's receipt could not be verified: signed by another key" },
    'queued',
    { code: 'send.receiptUnverified', params: { detail: "the collector's receipt could not be verified: signed by another key" } }
  ],
  ['refused', { status: 'rejected', lastError: 'collector refused the content (422)' }, 'rejected', { code: 'send.refused', params: { detail: 'collector refused the content (422)' } }],
  ['cancelled by a withdrawal', { status: 'cancelled', lastError: 'consent withdrawn' }, 'rejected', { code: 'send.cancelled', params: { detail: 'consent withdrawn' } }]
] as const)('%s: the outcome and its notice, as the contract carries them', (_label, overrides, outcome, notice) => {
  const output = sendOutput(record(overrides as Partial<ReportRecord>));
  expect(sendReportOutput.parse(JSON.parse(JSON.stringify(output)))).toEqual(output);
  expect(output).toMatchObject({ outcome, notice });
  expect(output).not.toHaveProperty('message');
});
