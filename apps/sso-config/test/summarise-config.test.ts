import { defaultLoginSettings } from '../src/contract/login-settings';
import type { IdentityProvider, ProviderSettings } from '../src/contract/providers';
import { summariseConfig } from '../src/usage/summarise-config';
import { oidcProvider, samlProvider, strictSettings } from './support/fixtures';
import { plantedOidc, plantedSaml, plantedSettings, plantedValues } from './support/planted';

const stored = (settings: ProviderSettings, n: number): IdentityProvider => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  settings,
  createdAt: '2026-11-29T09:00:00.000Z',
  updatedAt: '2026-11-29T09:00:00.000Z'
});

describe('configuration becomes facts: counts, switches and closed categories', () => {
  test('a site without providers', () => {
    expect(summariseConfig([], defaultLoginSettings)).toEqual({
      providers: { total: 0, enabled: 0 },
      enabledProtocols: 'none',
      jitProvisioning: false,
      mfaEnforced: false,
      twoStepEnforced: false,
      sessionLength: 'upTo8h',
      breakGlassAccounts: 0
    });
  });

  test('only enabled providers decide the protocols and just-in-time provisioning', () => {
    const facts = summariseConfig([stored(samlProvider, 1), stored({ ...oidcProvider, enabled: false }, 2)], strictSettings);
    expect(facts).toMatchObject({ providers: { total: 2, enabled: 1 }, enabledProtocols: 'saml', jitProvisioning: false, mfaEnforced: true, sessionLength: 'upTo24h' });
  });

  test.each([
    [1, 'upTo1h'],
    [8, 'upTo8h'],
    [9, 'upTo24h'],
    [168, 'upTo7d'],
    [169, 'over7d']
  ] as const)('a session of %i hours is %s', (sessionLengthHours, label) => {
    expect(summariseConfig([], { ...defaultLoginSettings, sessionLengthHours }).sessionLength).toBe(label);
  });

  test('planted identifiers and secrets in the configuration leave no trace in the facts', () => {
    const facts = JSON.stringify(summariseConfig([stored(plantedSaml, 1), stored(plantedOidc, 2)], plantedSettings));
    expect(plantedValues.filter((v) => facts.includes(v))).toEqual([]);
    expect(facts).toBe(
      JSON.stringify({ providers: { total: 2, enabled: 2 }, enabledProtocols: 'samlAndOidc', jitProvisioning: true, mfaEnforced: true, twoStepEnforced: true, sessionLength: 'upTo24h', breakGlassAccounts: 2 })
    );
  });
});
