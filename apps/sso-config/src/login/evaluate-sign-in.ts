import type { LoginSettings } from '../contract/login-settings';
import { issuerOf, type IdentityProvider } from '../contract/providers';
import type { SignInAttempt, SignInOutcome } from '../contract/sign-in';

/**
 * Decides a sign-in from the provider's set-up, the site's login settings and what the assertion
 * says. Pure: the same inputs always give the same outcome, and the outcome names a closed failure
 * category, never the person or the provider. The checks run in the order an admin fixes them:
 * a provider that is set up wrong explains every other failure.
 */
export function evaluateSignIn(provider: IdentityProvider | undefined, settings: LoginSettings, attempt: SignInAttempt, now: Date): SignInOutcome {
  if (provider === undefined || !provider.settings.enabled) return { ok: false, failure: 'configError' };
  if (attempt.issuer !== issuerOf(provider.settings)) return { ok: false, failure: 'configError' };
  if (new Date(attempt.notOnOrAfter).getTime() <= now.getTime()) return { ok: false, failure: 'expiredAssertion' };

  const domain = attempt.subjectEmail.slice(attempt.subjectEmail.lastIndexOf('@') + 1).toLowerCase();
  // The provider only vouches for its own domains; anyone else is unknown to this site through it.
  if (!provider.settings.domains.includes(domain)) return { ok: false, failure: 'unknownUser' };
  if (!attempt.accountExists && !provider.settings.jitProvisioning) return { ok: false, failure: 'unknownUser' };
  if (settings.mfaEnforced && !attempt.mfaPassed) return { ok: false, failure: 'mfaRejected' };
  return { ok: true, provisioned: !attempt.accountExists };
}
