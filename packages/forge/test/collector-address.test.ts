import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReferencePlatform } from '../../../test/support/reference-app';
import { collectorAddress } from '../src/transport/collector-address';

/**
 * Which egress entry is the collector (direct delivery). Under Atlassian's analytics tool policy a
 * vendor's own collector is plain backend egress: the app's one backend entry, declared without a
 * category. An analytics entry, or several entries, are refused with what to change.
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

test('a collector declared as `category: analytics` is refused, with what to declare instead', async () => {
  // Atlassian's analytics tool policy (Aug 2025) blocks such an app from deploying; the app says so rather than send.
  const backend = '        - address: https://collector.vendor.example\n          category: analytics\n          inScopeEUD: false\n';
  await expect(addressUnder(backend)).resolves.toEqual({
    ok: false,
    reason: "the collector's egress entry declares category 'analytics'; declare it as plain backend egress (Atlassian reserves 'analytics' for its recognised tools)"
  });
});

test('several backend entries: the collector cannot be guessed, and the app is told so', async () => {
  await expect(addressUnder('        - https://api.vendor.example\n        - https://collector.vendor.example\n')).resolves.toEqual({
    ok: false,
    reason: "the manifest declares 2 backend egress entries; direct delivery declares only the collector's"
  });
});
