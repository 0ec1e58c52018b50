import type { LoginSettings } from '../contract/login-settings';
import type { IdentityProvider } from '../contract/providers';
import { sessionLengths, ssoFactsSchema, type SsoFacts } from './facts';

/**
 * The app's configuration, summarised into SsoFacts: how many providers, which protocols are on,
 * which switches are set. Pure, and the one place configuration becomes facts; the result is parsed
 * with the facts schema, so a change here that let a string through would fail at once.
 */
export function summariseConfig(providers: readonly IdentityProvider[], settings: LoginSettings): SsoFacts {
  const enabled = providers.filter((p) => p.settings.enabled).map((p) => p.settings);
  const saml = enabled.some((p) => p.protocol === 'saml');
  const oidc = enabled.some((p) => p.protocol === 'oidc');
  return ssoFactsSchema.parse({
    providers: { total: providers.length, enabled: enabled.length },
    enabledProtocols: saml && oidc ? 'samlAndOidc' : saml ? 'saml' : oidc ? 'oidc' : 'none',
    jitProvisioning: enabled.some((p) => p.jitProvisioning),
    mfaEnforced: settings.mfaEnforced,
    twoStepEnforced: settings.twoStepEnforced,
    sessionLength: sessionLengthOf(settings.sessionLengthHours),
    breakGlassAccounts: settings.breakGlassAccountIds.length
  });
}

const sessionBounds: ReadonlyArray<readonly [number, (typeof sessionLengths)[number]]> = [
  [1, 'upTo1h'],
  [8, 'upTo8h'],
  [24, 'upTo24h'],
  [168, 'upTo7d']
];

function sessionLengthOf(hours: number): (typeof sessionLengths)[number] {
  for (const [bound, label] of sessionBounds) if (hours <= bound) return label;
  return 'over7d';
}
