import { builtInMetrics, makeCatalog, metricHelpers, type CollectContext, type MetricEntry } from '@usage-reporting/core';
import { signInFailures, type SignInFailure } from '../contract/sign-in';
import { loginFailed, loginSucceeded } from '../login/usage-events';
import { enabledProtocols, sessionLengths, type SsoFacts } from './facts';

/**
 * Every field an SSO Config report may contain. Configuration fields read the app's own facts
 * (ctx.vendor, from readSsoFacts); usage fields read the sign-in counts the toolkit metered
 * (ctx.facts.usage). Counts leave as buckets only. Add a field with `since: <current format + 1>`.
 */
const { booleanMetric, bucketMetric, enumMetric } = metricHelpers<SsoFacts>();

const metered = (event: string) => (ctx: CollectContext<SsoFacts>) => ctx.facts.usage[event] ?? 0;

const failureDescriptions: Record<SignInFailure, string> = {
  expiredAssertion: 'Roughly how many sign-ins failed because the assertion or token had expired (often a clock difference), as a range.',
  unknownUser: 'Roughly how many sign-ins failed because the person had no account and could not be provisioned, as a range.',
  mfaRejected: 'Roughly how many sign-ins failed because multi-factor authentication was required and not passed, as a range.',
  configError: 'Roughly how many sign-ins failed because a provider was disabled or set up differently from what it sent, as a range.'
};

const ssoFields: MetricEntry<SsoFacts>[] = [
  bucketMetric({
    key: 'sso.identityProviders', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many identity providers the site has set up, as a range such as 1-10.',
    count: (ctx) => ctx.vendor.providers.total
  }),
  bucketMetric({
    key: 'sso.enabledIdentityProviders', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many of those identity providers are switched on, as a range.',
    count: (ctx) => ctx.vendor.providers.enabled
  }),
  enumMetric(enabledProtocols, {
    key: 'sso.enabledProtocols', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Which sign-in protocols the enabled providers use: none, SAML, OpenID Connect, or both.',
    collect: (ctx) => ctx.vendor.enabledProtocols
  }),
  booleanMetric({
    key: 'sso.jitProvisioning', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Whether any enabled provider creates accounts on first sign-in (just-in-time provisioning).',
    collect: (ctx) => ctx.vendor.jitProvisioning
  }),
  booleanMetric({
    key: 'sso.mfaEnforced', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'Whether every sign-in must pass multi-factor authentication at the provider.',
    collect: (ctx) => ctx.vendor.mfaEnforced
  }),
  booleanMetric({
    key: 'sso.twoStepEnforced', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: "Whether the app asks for a second step of its own after the provider's sign-in.",
    collect: (ctx) => ctx.vendor.twoStepEnforced
  }),
  enumMetric(sessionLengths, {
    key: 'sso.sessionLength', category: 'configuration', purpose: 'product-improvement', since: 1,
    description: 'How long a session lasts before people sign in again, as a range: up to 1 hour, 8 hours, a day, a week, or longer.',
    collect: (ctx) => ctx.vendor.sessionLength
  }),
  booleanMetric({
    key: 'sso.breakGlassConfigured', category: 'configuration', purpose: 'troubleshooting', since: 1,
    description: 'Whether any account may still sign in with a password when every provider is down.',
    collect: (ctx) => ctx.vendor.breakGlassAccounts > 0
  }),
  bucketMetric({
    key: 'sso.logins', category: 'usage', purpose: 'product-improvement', since: 1,
    description: 'Roughly how many sign-ins through single sign-on succeeded during the period, as a range.',
    count: metered(loginSucceeded)
  }),
  ...signInFailures.map((failure) =>
    bucketMetric({
      key: `sso.loginErrors.${failure}`, category: 'usage', purpose: 'troubleshooting', since: 1,
      description: failureDescriptions[failure],
      count: metered(loginFailed(failure))
    })
  )
];

/** The toolkit's fields about the app itself (version, environment, licence): what any vendor needs to read the rest. */
const appFields = builtInMetrics.filter((entry) => entry.key.startsWith('app.'));

export const ssoCatalog = makeCatalog<SsoFacts>([...appFields, ...ssoFields]);
