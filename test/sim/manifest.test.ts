import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadManifest } from '@usage-reporting/forge-sim';
import { requiredScopes, siteRoutes } from '@usage-reporting/forge-sim';
import { checkManifestForDelivery } from '@usage-reporting/forge';

const root = path.resolve(__dirname, '../..');
const referenceDir = path.join(root, 'apps/reference');
const manifestPath = path.join(referenceDir, 'manifest.yml');
const manifest = loadManifest(manifestPath);
const ssoDir = path.join(root, 'apps/sso-config');
const ssoManifestPath = path.join(ssoDir, 'manifest.yml');

/**
 * What `forge deploy` checks first, @forge/manifest's validation: among other things that each handler's
 * module and each resource's folder exist, so the app's Custom UI must have been built (`npm test` does).
 */
async function expectValidForgeManifest(appDir: string, buildUi: string): Promise<void> {
  if (!existsSync(path.join(appDir, 'static/admin/dist/index.html'))) {
    throw new Error(`${path.relative(root, appDir) || '.'}/static/admin/dist/index.html is missing: run \`${buildUi}\` before this suite (npm test does it).`);
  }
  const result = await validate(false, path.join(appDir, 'manifest.yml'));
  expect(result.errors ?? []).toEqual([]);
  expect(result.success).toBe(true);
}

/** The backend suites also run under Node 24 (scripts/test-node24.mjs): the runtime every app is deployed to. */
function expectNode24Only(file: string): void {
  expect(loadManifest(file).runtime).toBe('nodejs24.x');
  // Forge names the version only at app.runtime (a function's `runtime` takes memoryMB alone); any other
  // mention of a Node runtime in the file, a leftover or a comment, must not name another version either.
  const named = readFileSync(file, 'utf8').match(/\bnodejs\d+\.x\b/g) ?? [];
  expect(named.length).toBeGreaterThan(0);
  expect(new Set(named)).toEqual(new Set(['nodejs24.x']));
}

describe('apps/reference/manifest.yml (the reference app)', () => {
  test('passes Forge validation (the admin UI must be built first: npm run build:ui)', async () => {
    await expectValidForgeManifest(referenceDir, 'npm run build:ui');
  });

  test('every runtime it names is nodejs24.x (the backend suites also run under Node 24: scripts/test-node24.mjs)', () => {
    expectNode24Only(manifestPath);
  });

  test('classifies what it keeps in hosted storage: pii (account ids in the consent ledger) and other, no ugc', () => {
    const { app } = z
      .object({ app: z.object({ storage: z.object({ classifications: z.array(z.string()) }) }) })
      .parse(parse(readFileSync(manifestPath, 'utf8')));
    expect([...app.storage.classifications].sort()).toEqual(['other', 'pii']);
  });

  test('declares the Jira admin page and Confluence global settings, both as the app configuration page', () => {
    const { modules } = z
      .object({ modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) })
      .parse(parse(readFileSync(manifestPath, 'utf8')));
    for (const type of ['jira:adminPage', 'confluence:globalSettings']) {
      expect(modules[type]).toHaveLength(1);
      expect(modules[type]?.[0]).toMatchObject({ resource: 'admin', resolver: { function: 'resolver' }, useAsConfig: true });
    }
  });

  test('declares exactly one scheduled trigger, daily', () => {
    expect(manifest.raw.modules.scheduledTrigger).toEqual([{ key: 'usage-reporting-daily', function: 'scheduled', interval: 'day' }]);
  });

  test('declares one backend egress, the collector, plainly (no analytics category) and outside the end-user-data scope', () => {
    expect(manifest.external.fetch?.backend).toEqual([{ address: 'https://collector.usage-reporting.example.com', inScopeEUD: false }]);
  });

  test('fits direct delivery, the mode its src/index.ts is built with', () => {
    expect(readFileSync(path.join(referenceDir, 'src/index.ts'), 'utf8')).toContain("delivery: { mode: 'direct' }");
    expect(checkManifestForDelivery(parse(readFileSync(manifestPath, 'utf8')), 'direct')).toEqual([]);
  });

  test('every declared scope is needed: KVS, or a simulated endpoint that Atlassian\'s spec grants with it', () => {
    // requiredScopes reads the pinned specs (forge-specs/), the table `forge lint` checks against.
    const requiredByRoutes = new Set(siteRoutes().flatMap((r) => requiredScopes(r).current));
    const unneeded = manifest.scopes.filter((s) => s !== 'storage:app' && !requiredByRoutes.has(s));
    expect(unneeded).toEqual([]);
  });

  test('storage:app is declared because the backend uses @forge/kvs', () => {
    // The backend is the app's src/ and the @usage-reporting/forge package it bundles.
    const backend = [...sourceFiles(path.join(referenceDir, 'src')), ...sourceFiles(path.join(root, 'packages/forge/src'))];
    const usesKvs = backend.some((f) => readFileSync(f, 'utf8').includes("from '@forge/kvs'"));
    expect(usesKvs).toBe(true);
    expect(manifest.scopes).toContain('storage:app');
  });

  test('every function handler resolves to an export of src/index.ts', async () => {
    const index: Record<string, unknown> = await import('../../apps/reference/src/index');
    for (const fn of manifest.raw.modules.function) {
      const [file, exportName] = fn.handler.split('.');
      expect(file).toBe('index');
      expect(typeof index[exportName ?? '']).toBe('function');
    }
  });
});

describe('apps/sso-config/manifest.yml (the second vendor app)', () => {
  test('passes Forge validation (its admin UI must be built first)', async () => {
    await expectValidForgeManifest(ssoDir, 'npx vite build --config apps/sso-config/static/admin/vite.config.ts');
  });

  test('every runtime it names is nodejs24.x', () => {
    expectNode24Only(ssoManifestPath);
  });

  test('declares no egress at all (manual delivery, eligible for Runs on Atlassian), the mode its src/index.ts is built with', () => {
    expect(readFileSync(path.join(ssoDir, 'src/index.ts'), 'utf8')).toContain("delivery: { mode: 'manual' }");
    const raw: unknown = parse(readFileSync(ssoManifestPath, 'utf8'));
    expect(checkManifestForDelivery(raw, 'manual')).toEqual([]);
    expect(loadManifest(ssoManifestPath).external).toEqual({});
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []
  );
}
