import type { SignInAttempt } from '../src/contract/sign-in';
import { attemptFor, oidcProvider, samlProvider, strictSettings } from './support/fixtures';
import { buildSsoBundleIfStale, BUILD_TIMEOUT_MS } from './support/fresh-bundle';
import { createSsoWorld, DAY, type SsoWorld } from './support/world';

/** Sign-ins are metered by outcome and reach the report as buckets, never as exact counts. */
let w: SsoWorld;
beforeAll(buildSsoBundleIfStale, BUILD_TIMEOUT_MS);
beforeEach(async () => {
  w = await createSsoWorld();
  // The first report's period starts on the install day, which the installed trigger records.
  await w.platform.runLifecycleInstalled();
});
afterEach(async () => {
  await w.close();
});

async function signIns(attempt: SignInAttempt, times: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < times; i++) {
    const { outcome } = await w.ssoMust('testSignIn', { attempt });
    outcomes.push(outcome.ok ? 'succeeded' : outcome.failure);
  }
  return outcomes;
}

test('each outcome is its own closed category, decided from the set-up and counted in the next report as a bucket', async () => {
  const saml = (await w.ssoMust('addProvider', { settings: samlProvider })).provider;
  const oidc = (await w.ssoMust('addProvider', { settings: { ...oidcProvider, enabled: false } })).provider;
  await w.ssoMust('saveLoginSettings', { settings: strictSettings });
  const now = new Date();
  const valid = attemptFor(saml.id, samlProvider, 'ana@corp.example.com', now);

  expect(await signIns(valid, 12)).toEqual(Array(12).fill('succeeded'));
  expect(await signIns({ ...valid, notOnOrAfter: now.toISOString() }, 2)).toEqual(['expiredAssertion', 'expiredAssertion']);
  expect(await signIns({ ...valid, subjectEmail: 'ana@elsewhere.example.com' }, 1)).toEqual(['unknownUser']);
  expect(await signIns({ ...valid, accountExists: false }, 1)).toEqual(['unknownUser']);
  expect(await signIns({ ...valid, mfaPassed: false }, 3)).toEqual(Array(3).fill('mfaRejected'));
  expect(await signIns(attemptFor(oidc.id, oidcProvider, 'bo@contractors.example.com', now), 1)).toEqual(['configError']);

  // The report covers whole days up to today: the sign-ins count once their day is over.
  w.advance(DAY);
  const fields = JSON.parse((await w.toolkitMust('preview')).text).fields;

  expect(fields).toMatchObject({
    'sso.logins': '11-50',
    'sso.loginErrors.expiredAssertion': '1-10',
    'sso.loginErrors.unknownUser': '1-10',
    'sso.loginErrors.mfaRejected': '1-10',
    'sso.loginErrors.configError': '1-10',
    'sso.identityProviders': '1-10',
    'sso.enabledIdentityProviders': '1-10',
    'sso.enabledProtocols': 'saml',
    'sso.jitProvisioning': false
  });
});

test('a site without sign-ins reports every count as 0', async () => {
  w.advance(DAY);
  const fields = JSON.parse((await w.toolkitMust('preview')).text).fields;
  expect(fields).toMatchObject({
    'sso.logins': '0',
    'sso.loginErrors.expiredAssertion': '0',
    'sso.loginErrors.unknownUser': '0',
    'sso.loginErrors.mfaRejected': '0',
    'sso.loginErrors.configError': '0',
    'sso.identityProviders': '0',
    'sso.enabledProtocols': 'none'
  });
});
