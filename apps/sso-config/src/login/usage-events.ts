import type { SignInFailure, SignInOutcome } from '../contract/sign-in';

/**
 * The app's own usage events: one per sign-in, by outcome. The failure category is part of the
 * event's name, so what is counted is exactly the closed set in contract/sign-in.ts.
 */
export const loginSucceeded = 'sso.loginSucceeded';
export const loginFailed = (failure: SignInFailure) => `sso.loginFailed.${failure}` as const;

export const ssoUsageEvents = [
  loginSucceeded,
  loginFailed('expiredAssertion'),
  loginFailed('unknownUser'),
  loginFailed('mfaRejected'),
  loginFailed('configError')
] as const;

export const usageEventOf = (outcome: SignInOutcome): string => (outcome.ok ? loginSucceeded : loginFailed(outcome.failure));
