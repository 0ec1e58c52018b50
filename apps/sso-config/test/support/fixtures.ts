import type { LoginSettings } from '../../src/contract/login-settings';
import type { ProviderSettings } from '../../src/contract/providers';
import type { SignInAttempt } from '../../src/contract/sign-in';

/** A provider set-up as an admin would enter it, for the suites that are not about the values. */
export const samlProvider: ProviderSettings = {
  protocol: 'saml',
  name: 'Corporate SAML',
  enabled: true,
  domains: ['corp.example.com'],
  jitProvisioning: false,
  entityId: 'https://idp.corp.example.com/metadata',
  ssoUrl: 'https://idp.corp.example.com/sso',
  signingCertificate: '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ29ycG9yYXRlU0FNTA==\n-----END CERTIFICATE-----\n'
};

export const oidcProvider: ProviderSettings = {
  protocol: 'oidc',
  name: 'Contractors OIDC',
  enabled: true,
  domains: ['contractors.example.com'],
  jitProvisioning: true,
  issuerUrl: 'https://login.contractors.example.com/oauth2/default',
  clientId: 'contractors-portal'
};

export const strictSettings: LoginSettings = { mfaEnforced: true, twoStepEnforced: false, sessionLengthHours: 12, breakGlassAccountIds: [] };

/** An assertion from `provider` for `email`, valid for another hour from `now`. */
export function attemptFor(providerId: string, provider: ProviderSettings, email: string, now: Date, overrides: Partial<SignInAttempt> = {}): SignInAttempt {
  return {
    providerId,
    issuer: provider.protocol === 'saml' ? provider.entityId : provider.issuerUrl,
    subjectEmail: email,
    accountExists: true,
    mfaPassed: true,
    notOnOrAfter: new Date(now.getTime() + 3_600_000).toISOString(),
    ...overrides
  };
}
