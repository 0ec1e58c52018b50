import { maxVendorDeletionAttempts, vendorDeletionSchema, type VendorDeletion } from '@usage-reporting/core';
import type { RefusalCode } from '@usage-reporting/core/api';
import { isAttemptDue, nextAttemptAt } from '../core/backoff.js';
import type { EngineDeps } from '../engine/deps.js';
import { keys } from '../store/keys.js';
import { readParsed, write } from '../store/kvs-store.js';
import { ensureInstallation, loadReports } from '../store/repositories.js';
import { recordDirectAnswer } from '../manual/records.js';

/**
 * Asking the vendor to delete what it holds about this installation. The request is stored first
 * (pending), then tried at once; the daily job retries it with backoff until the collector
 * acknowledges, and the acknowledgement (its id, time and count) is kept and shown.
 */

/** For loadAdminPage and withdraw: the stored request, or null when none was ever made. */
export async function readVendorDeletion(): Promise<VendorDeletion | null> {
  const read = await readParsed(keys.vendorDeletion, vendorDeletionSchema);
  return read.ok ? (read.value ?? null) : null;
}

/**
 * Queues a new request unless one is already pending (asking twice changes nothing). After an
 * acknowledgement a new request starts afresh: reports may have arrived since the last deletion.
 */
export async function queueVendorDeletion(now: Date): Promise<VendorDeletion> {
  const existing = await readVendorDeletion();
  if (existing?.status === 'pending') return existing;
  const fresh: VendorDeletion = {
    status: 'pending',
    requestedAt: now.toISOString(),
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    lastError: null,
    acknowledgement: null
  };
  await write(keys.vendorDeletion, fresh);
  return fresh;
}

/** One attempt, if one is pending and due (or `force`, for the admin's own click). */
export async function attemptVendorDeletion(deps: EngineDeps, options: { force?: boolean } = {}): Promise<VendorDeletion | null> {
  const current = await readVendorDeletion();
  const now = deps.now();
  if (!current || current.status !== 'pending') return current;
  // Manual delivery: the request travels as a file; only the admin's pasted answer settles it.
  if (deps.delivery.mode === 'manual') return current;
  if (!options.force && !isAttemptDue(current.nextAttemptAt, now)) return current;
  const installation = await ensureInstallation(now);
  const outcome = await deps.rights(installation.installationId).deleteData().catch((error: unknown) => ({
    kind: 'retryable' as const,
    reason: `the request could not be made: ${error instanceof Error ? error.message : String(error)}`
  }));
  const attempts = current.attempts + 1;
  if (outcome.kind === 'ok') await recordDirectAnswer('delete', outcome.answer, now);
  const next: VendorDeletion =
    outcome.kind === 'ok'
      ? {
          ...current,
          status: 'acknowledged',
          attempts,
          lastError: null,
          acknowledgement: {
            acknowledgementId: outcome.value.acknowledgementId,
            acknowledgedAt: outcome.value.acknowledgedAt,
            deletedReports: outcome.value.deletedReports
          }
        }
      : attempts >= maxVendorDeletionAttempts
        ? // Bounded: after this many tries the admin is told plainly, instead of a "pending" that never ends.
          { ...current, status: 'failed', attempts, lastError: outcome.reason }
        : // Rejected requests are retried too: a vendor-side fix (a redeployed collector) is the only way
          // they can succeed, and the admin sees why meanwhile.
          { ...current, attempts, nextAttemptAt: nextAttemptAt(attempts, now), lastError: outcome.reason };
  await write(keys.vendorDeletion, next);
  return next;
}

/**
 * Closes the one race withdrawal cannot: a delivery that checked consent just before the withdrawal
 * and reached the collector just after the deletion. A report queued before the deletion was requested
 * but received after it was acknowledged is exactly that; the request is queued again so it goes too.
 */
export async function followUpVendorDeletion(now: Date): Promise<VendorDeletion | null> {
  const current = await readVendorDeletion();
  if (!current || current.status !== 'acknowledged' || !current.acknowledgement) return current;
  const { acknowledgedAt } = current.acknowledgement;
  const missed = (await loadReports()).some(
    (r) => r.status === 'sent' && r.receipt !== null && r.createdAt <= current.requestedAt && r.receipt.receivedAt > acknowledgedAt
  );
  if (!missed) return current;
  await write(keys.vendorDeletion, { ...current, status: 'pending', nextAttemptAt: now.toISOString(), lastError: null } satisfies VendorDeletion);
  return readVendorDeletion();
}

/**
 * The collector's verified deletion acknowledgement, pasted back by the admin (manual delivery): it
 * settles the pending request, or, repeated, changes nothing. One that arrives with no request
 * pending is refused: the app did not ask, so it has nothing to settle.
 */
export async function acknowledgeVendorDeletion(ack: { acknowledgementId: string; acknowledgedAt: string; deletedReports: number }): Promise<{ ok: true; deletion: VendorDeletion } | { ok: false; refusal: RefusalCode }> {
  const current = await readVendorDeletion();
  if (current?.status === 'acknowledged' && current.acknowledgement?.acknowledgementId === ack.acknowledgementId) return { ok: true, deletion: current };
  if (!current || current.status === 'acknowledged') return { ok: false, refusal: 'answer.refused.noDeletionWaiting' };
  // An older acknowledgement (of an earlier request) is genuine, but it is not the answer to this one.
  if (answersAfter(ack.acknowledgedAt, current.requestedAt) === false) return { ok: false, refusal: 'answer.refused.earlierDeletion' };
  const next: VendorDeletion = { ...current, status: 'acknowledged', lastError: null, acknowledgement: ack };
  await write(keys.vendorDeletion, next);
  return { ok: true, deletion: next };
}

/** Site and collector clocks differ by a little; an answer more than this older than the request cannot be its answer. */
const clockSkewMs = 5 * 60_000;
export const answersAfter = (answeredAt: string, requestedAt: string): boolean => Date.parse(answeredAt) >= Date.parse(requestedAt) - clockSkewMs;
