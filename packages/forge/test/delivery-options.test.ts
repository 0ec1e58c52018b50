import { metricCatalog } from '@usage-reporting/core';
import { generateInstallationKeyPair } from '@usage-reporting/core/node';
import { createUsageReporting } from '@usage-reporting/forge';

/** The delivery setting is one explicit choice where the app is wired; a mistake fails there, saying what to write. */
const wire = (extra: Record<string, unknown>) => () => createUsageReporting({ catalog: metricCatalog, ...extra } as Parameters<typeof createUsageReporting>[0]);

test('no delivery mode, or an unknown one, fails at load with both choices named', () => {
  expect(wire({})).toThrow("`delivery` must be { mode: 'direct' } (the collector is the manifest's one plain backend egress) or { mode: 'manual' } (no egress; the admin hands files over), got nothing");
  expect(wire({ delivery: { mode: 'analytics' } })).toThrow('got mode "analytics"');
});

test('a malformed collector public key given in code fails at load; a raw key or its PEM is taken', () => {
  expect(wire({ delivery: { mode: 'direct' }, collectorPublicKey: 'not-a-key' })).toThrow(/`collectorPublicKey`: the collector public key is neither/);
  expect(wire({ delivery: { mode: 'manual' }, collectorPublicKey: generateInstallationKeyPair().publicKey })).not.toThrow();
});
