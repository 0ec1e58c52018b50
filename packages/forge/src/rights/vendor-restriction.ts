import { z } from 'zod';
import { vendorRestrictionSchema, type RefusalCode, type VendorRestriction } from '@usage-reporting/core/api';
import { purposeSchema, type Purpose } from '@usage-reporting/core';
import { isAttemptDue, nextAttemptAt } from '../core/backoff.js';
import type { EngineDeps } from '../engine/deps.js';
import { keys } from '../store/keys.js';
import { readParsed, write } from '../store/kvs-store.js';
import { ensureInstallation } from '../store/repositories.js';
import { recordDirectAnswer } from '../manual/records.js';
import { answersAfter } from './vendor-deletion.js';

/**
 * The purposes the vendor may no longer use this installation's data for. Stored as the admin set
 * it, pending until the collector confirms exactly that set; retried by the daily job meanwhile.
 */
const storedRestrictionSchema = vendorRestrictionSchema.extend({
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.iso.datetime()
});
type StoredRestriction = z.infer<typeof storedRestrictionSchema>;

const toView = ({ attempts: _a, nextAttemptAt: _n, ...view }: StoredRestriction): VendorRestriction => view;

/** For loadAdminPage: the last restriction requested, or null when none was ever made. */
export async function readVendorRestriction(): Promise<VendorRestriction | null> {
  const read = await readParsed(keys.vendorRestriction, storedRestrictionSchema);
  return read.ok && read.value ? toView(read.value) : null;
}

export async function requestVendorRestriction(deps: EngineDeps, purposes: readonly Purpose[]): Promise<VendorRestriction> {
  await writeRestrictionRequest(purposes, deps.now());
  const after = await attemptVendorRestriction(deps, { force: true });
  if (!after) throw new Error('the vendor restriction record vanished while it was being requested');
  return toView(after);
}

/** Stores a new restriction request, pending; returns the purposes restricted before it. */
export async function writeRestrictionRequest(purposes: readonly Purpose[], now: Date): Promise<Purpose[]> {
  const before = (await readVendorRestriction())?.restrictedPurposes ?? [];
  const set = purposeSchema.options.filter((p) => purposes.includes(p));
  await write(keys.vendorRestriction, {
    restrictedPurposes: set,
    status: 'pending',
    requestedAt: now.toISOString(),
    acknowledgedAt: null,
    lastError: null,
    attempts: 0,
    nextAttemptAt: now.toISOString()
  } satisfies StoredRestriction);
  return before;
}

/**
 * The collector's verified acknowledgement of exactly the pending set (manual delivery's pasted
 * answer): the request is settled. Returns why not when the answer confirms another set.
 */
export async function acknowledgeRestriction(purposes: readonly string[], updatedAt: string): Promise<{ ok: true; view: VendorRestriction } | { ok: false; refusal: RefusalCode }> {
  const read = await readParsed(keys.vendorRestriction, storedRestrictionSchema);
  const current = read.ok ? read.value : undefined;
  if (!current) return { ok: false, refusal: 'answer.refused.noRestrictionAsked' };
  if ([...purposes].sort().join(',') !== [...current.restrictedPurposes].sort().join(',')) {
    return { ok: false, refusal: 'answer.refused.otherPurposes' };
  }
  if (!answersAfter(updatedAt, current.requestedAt)) return { ok: false, refusal: 'answer.refused.earlierRestriction' };
  const next: StoredRestriction = { ...current, status: 'acknowledged', acknowledgedAt: updatedAt, lastError: null };
  await write(keys.vendorRestriction, next);
  return { ok: true, view: toView(next) };
}

/** One attempt if a restriction is pending and due; returns the stored state after it. */
export async function attemptVendorRestriction(deps: EngineDeps, options: { force?: boolean } = {}): Promise<StoredRestriction | null> {
  const read = await readParsed(keys.vendorRestriction, storedRestrictionSchema);
  const current = read.ok ? read.value : undefined;
  const now = deps.now();
  if (!current || current.status !== 'pending') return current ?? null;
  // Manual delivery: the request travels as a file; only the admin's pasted answer settles it.
  if (deps.delivery.mode === 'manual') return current;
  if (!options.force && !isAttemptDue(current.nextAttemptAt, now)) return current;
  const installation = await ensureInstallation(now);
  const outcome = await deps.rights(installation.installationId).restrict(current.restrictedPurposes).catch((error: unknown) => ({
    kind: 'retryable' as const,
    reason: `the request could not be made: ${error instanceof Error ? error.message : String(error)}`
  }));
  const attempts = current.attempts + 1;
  let next: StoredRestriction;
  if (outcome.kind === 'ok') {
    const confirmed = [...outcome.value.restrictedPurposes].sort().join(',') === [...current.restrictedPurposes].sort().join(',');
    if (confirmed) await recordDirectAnswer('restrict', outcome.answer, now);
    next = confirmed
      ? { ...current, status: 'acknowledged', acknowledgedAt: outcome.value.updatedAt ?? now.toISOString(), lastError: null, attempts }
      : { ...current, attempts, nextAttemptAt: nextAttemptAt(attempts, now), lastError: 'The collector confirmed a different set of purposes.' };
  } else {
    next = { ...current, attempts, nextAttemptAt: nextAttemptAt(attempts, now), lastError: outcome.reason };
  }
  // A newer request made while this one was in flight wins: only overwrite the request we attempted.
  const latest = await readParsed(keys.vendorRestriction, storedRestrictionSchema);
  if (latest.ok && latest.value && latest.value.requestedAt !== current.requestedAt) return latest.value;
  await write(keys.vendorRestriction, next);
  return next;
}
