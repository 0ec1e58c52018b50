import type { SignInAttempt, SignInOutcome } from '../contract/sign-in';
import { readLoginSettings } from '../store/login-settings-store';
import { readProvider } from '../store/providers-store';
import { evaluateSignIn } from './evaluate-sign-in';
import { usageEventOf } from './usage-events';

/** Counts one usage event: the toolkit's `meter`, passed in where the app is wired (src/index.ts). */
export type Meter = (event: string) => Promise<{ ok: true } | { ok: false; reason: string }>;

export type SignInResult = { ok: true; outcome: SignInOutcome } | { ok: false; reason: string };

/**
 * The sign-in flow's entry point: read the provider and the login settings, decide, count the outcome.
 * Counting never decides a sign-in: meter() returns its failures as values and they are only logged.
 */
export async function signIn(attempt: SignInAttempt, meter: Meter, now: Date): Promise<SignInResult> {
  const [provider, settings] = await Promise.all([readProvider(attempt.providerId), readLoginSettings()]);
  // Unreadable settings might hide an MFA requirement: refuse to decide rather than guess.
  if (!settings.ok) return { ok: false, reason: settings.reason };
  const outcome = evaluateSignIn(provider, settings.settings, attempt, now);
  await meter(usageEventOf(outcome));
  return { ok: true, outcome };
}
