import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { collectorAddress } from '../src/transport/collector-address';

/**
 * Which egress entry is the collector. Under Atlassian's analytics tool policy a vendor's own
 * collector is plain backend egress, so an app's only backend entry is its collector; an analytics
 * entry, where there is one, still says it outright; several plain entries cannot be guessed among.
 */
const rootManifest = readFileSync(path.resolve(__dirname, '../../../apps/reference/manifest.yml'), 'utf8');
const declaredEgress = / {2}external:\n {4}fetch:\n {6}backend:\n(?: {8}.*\n)+/;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'collector-address-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function addressUnder(backend: string) {
  const manifestPath = path.join(dir, 'manifest.yml');
  writeFileSync(manifestPath, rootManifest.replace(declaredEgress, `  external:\n    fetch:\n      backend:\n${backend}`));
  const platform = createReferencePlatform({ manifestPath });
  try {
    return await platform.runAsInvocation({ functionKey: 'scheduled' }, async () => collectorAddress());
  } finally {
    platform.close();
  }
}

test("an app's one plain backend entry is its collector", async () => {
  await expect(addressUnder('        - https://collector.vendor.example\n')).resolves.toEqual({ ok: true, baseUrl: 'https://collector.vendor.example' });
});

test('among several entries, the analytics one is the collector', async () => {
  const backend = '        - https://api.vendor.example\n        - address: https://collector.vendor.example\n          category: analytics\n          inScopeEUD: false\n';
  await expect(addressUnder(backend)).resolves.toEqual({ ok: true, baseUrl: 'https://collector.vendor.example' });
});

test('several plain entries and no analytics one: the app is told it cannot be guessed', async () => {
  await expect(addressUnder('        - https://api.vendor.example\n        - https://collector.vendor.example\n')).resolves.toEqual({
    ok: false,
    reason: "the manifest declares 2 backend egress entries and none is the collector's 'analytics' one"
  });
});
