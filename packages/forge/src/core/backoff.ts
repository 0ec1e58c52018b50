/**
 * When to retry a transmission that failed in a retryable way: doubling from 15 minutes, capped at
 * a day because the scheduled trigger that retries runs daily. No jitter: retries are spread by
 * sites' trigger times already, and a deterministic schedule is testable.
 */
const BASE_MS = 15 * 60_000;
const CAP_MS = 24 * 60 * 60_000;

export function retryDelayMs(attempts: number): number {
  if (attempts < 1) return 0;
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempts - 1, 20));
}

export function nextAttemptAt(attempts: number, now: Date): string {
  return new Date(now.getTime() + retryDelayMs(attempts)).toISOString();
}

export const isAttemptDue = (nextAttempt: string, now: Date): boolean => Date.parse(nextAttempt) <= now.getTime();
