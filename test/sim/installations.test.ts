import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getAppContext } from '@forge/api';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { resolverFunctionKey, type Product } from '@usage-reporting/core/api';
import { type SimPlatform } from '@usage-reporting/forge-sim';
import { createReferencePlatform } from '../support/reference-app';

/**
 * An app installed in Jira and in Confluence of one site is two installations on Forge: each has its
 * own installation id and context, its own storage and its own installed event. The reference app
 * runs unchanged (its Forge bundle); only the platform under it keeps the two apart.
 */
// The reference app's install record, as stored (packages/forge/src/context/installation.ts).
const INSTALLATION_KEY = 'usage-reporting:installation:record';

// The parts of loadAdminPage's answer these tests read; the full contract is checked in packages/forge.
const adminPageSchema = z.object({
  ok: z.literal(true),
  data: z.object({
    consent: z.object({ mode: z.string() }),
    history: z.array(z.object({ reportId: z.string(), trigger: z.string() })),
    preview: z.object({ draftId: z.string(), reportId: z.string(), digest: z.string(), signingKeyFingerprint: z.string() })
  })
});

let platform: SimPlatform;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'installations-'));
});
afterEach(async () => {
  platform.close();
  await rm(dir, { recursive: true, force: true });
});

async function installedPlatform(options: Parameters<typeof createReferencePlatform>[0] = {}): Promise<SimPlatform> {
  const created = createReferencePlatform({ app: 'bundle', ...options });
  await created.runLifecycleInstalled({ product: 'jira' });
  await created.runLifecycleInstalled({ product: 'confluence' });
  return created;
}

const asAdmin = (product: Product) => ({ accountId: platform.users.admin, product });
const call = (name: Parameters<typeof resolverFunctionKey>[0], payload: unknown, product: Product) =>
  platform.invokeResolver(resolverFunctionKey(name), payload, asAdmin(product));
const adminPage = async (product: Product) => adminPageSchema.parse(await call('loadAdminPage', {}, product)).data;

describe('Jira and Confluence are two installations of the app', () => {
  test('each has its own installation id and context, on the same site and environment', async () => {
    platform = await installedPlatform();
    const jira = platform.installation('jira').identity;
    const confluence = platform.installation('confluence').identity;
    expect(jira.installationId).not.toBe(confluence.installationId);
    expect(jira.installContext).toBe(`ari:cloud:jira::site/${platform.site.cloudId}`);
    expect(confluence.installContext).toBe(`ari:cloud:confluence::site/${platform.site.cloudId}`);
    expect(confluence).toMatchObject({ cloudId: jira.cloudId, environmentId: jira.environmentId });

    for (const product of ['jira', 'confluence'] as const) {
      const seen = await platform.runAsInvocation({ functionKey: 'resolver', product }, async () => getAppContext().installationAri.toString());
      expect(seen).toBe(`ari:cloud:ecosystem::installation/${platform.installation(product).identity.installationId}`);
      expect(platform.identity).toBe(platform.installation(product).identity);
    }
  });

  test('each got its own installed event, and made its own signing key from it', async () => {
    platform = await installedPlatform();
    expect(platform.counters.snapshot().invocations).toEqual({ lifecycle: 2 });
    const record = (product: Product) => platform.runAsInvocation({ functionKey: 'resolver', product }, () => kvs.get(INSTALLATION_KEY));
    expect(await record('jira')).toMatchObject({ product: 'jira' });
    expect(await record('confluence')).toMatchObject({ product: 'confluence' });

    const [jira, confluence] = [await adminPage('jira'), await adminPage('confluence')];
    expect(jira.preview.signingKeyFingerprint).not.toBe(confluence.preview.signingKeyFingerprint);
  });

  test('consent and history given in Jira are not visible in Confluence, and the other way round', async () => {
    platform = await installedPlatform();
    await call('setConsent', { mode: 'per-case' }, 'jira');
    const { preview } = await adminPage('jira');
    // No collector stands behind the analytics host here: the send is queued, which is history all the same.
    await call('sendReport', { draftId: preview.draftId, digest: preview.digest }, 'jira');
    const jiraHistory = (await adminPage('jira')).history;
    expect(jiraHistory).toEqual([expect.objectContaining({ reportId: preview.reportId, trigger: 'per-case' })]);

    expect(await adminPage('confluence')).toMatchObject({ consent: { mode: 'not-asked' }, history: [] });

    await call('setConsent', { mode: 'automatic', cadence: 'weekly' }, 'confluence');
    await platform.runScheduledTrigger({ product: 'confluence' });
    expect((await adminPage('confluence')).history).toEqual([expect.objectContaining({ trigger: 'automatic' })]);

    const jira = await adminPage('jira');
    expect(jira.consent.mode).toBe('per-case');
    expect(jira.history.map((h) => h.reportId)).toEqual(jiraHistory.map((h) => h.reportId));
  });

  test('an invocation keeps the installation it started on when the site switches product meanwhile', async () => {
    platform = await installedPlatform();
    const written = platform.runAsInvocation({ functionKey: 'resolver', product: 'jira' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await kvs.set('written-late', true);
    });
    platform.site.configure({ product: 'confluence' });
    await written;
    const read = (product: Product) => platform.runAsInvocation({ functionKey: 'resolver', product }, () => kvs.get('written-late'));
    expect(await read('confluence')).toBeUndefined();
    expect(await read('jira')).toBe(true);
  });
});

describe('in a KVS folder', () => {
  test('each installation keeps its own file, and both survive a restart', async () => {
    const kvsDir = path.join(dir, 'kvs');
    platform = await installedPlatform({ kvs: { kind: 'file', dir: kvsDir } });
    await call('setConsent', { mode: 'per-case' }, 'jira');
    platform.close();
    expect((await readdir(kvsDir)).sort()).toEqual(['confluence', 'jira']);

    platform = createReferencePlatform({ app: 'bundle', kvs: { kind: 'file', dir: kvsDir } });
    expect((await adminPage('jira')).consent.mode).toBe('per-case');
    expect((await adminPage('confluence')).consent.mode).toBe('not-asked');
  });

  test('a folder from before there were two installations becomes the Jira one', async () => {
    const kvsDir = path.join(dir, 'kvs');
    await mkdir(kvsDir);
    const stored = { value: 'from the one installation', createdAt: 1, updatedAt: 1 };
    await writeFile(path.join(kvsDir, 'kvs.json'), JSON.stringify({ version: 1, namespaces: { kvs: { kept: stored } } }));
    platform = createReferencePlatform({ app: 'bundle', kvs: { kind: 'file', dir: kvsDir } });
    expect(await readdir(kvsDir)).toEqual(['jira']);
    const read = (product: Product) => platform.runAsInvocation({ functionKey: 'resolver', product }, () => kvs.get('kept'));
    expect(await read('jira')).toBe('from the one installation');
    expect(await read('confluence')).toBeUndefined();
  });
});
