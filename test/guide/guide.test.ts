import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { fetch } from '@forge/api';
import { validate } from '@forge/manifest';
import ts from 'typescript';
import { buildCollectorApp, SqliteStore } from '@usage-reporting/collector';
import { CatalogError, parseReport, type Catalog, type Report } from '@usage-reporting/core';
import { envelopeSchema, resolverContract, resolverFunctionKey, type ResolverName, type ResolverOutput } from '@usage-reporting/core/api';
import { createSimPlatform, loadManifest, type SimPlatform, type SimPlatformOptions } from '@usage-reporting/forge-sim';
import { readGuide, writeGuideApp } from './guide-app';

/**
 * docs/GUIDE.md, followed literally: its marked blocks are written as files of the example app (the
 * fixture is that app before the guide), and the app runs on forge-sim through the packages' public
 * entry points. No code of the guide's is copied here: change a block and this suite runs the new one.
 * Names the example app defines (its own resolver functions, its fields) appear here as its own tests would name them.
 */
const guide = readGuide();
let app: ReturnType<typeof writeGuideApp>;
let platform: SimPlatform | undefined;

beforeAll(() => {
  app = writeGuideApp(guide);
});
afterAll(() => app.remove());
afterEach(() => {
  platform?.close();
  platform = undefined;
});

function startApp(options: SimPlatformOptions = {}): SimPlatform {
  platform = createSimPlatform({ appDir: app.dir, app: 'source', ...options });
  return platform;
}

const asAdmin = (sim: SimPlatform) => ({ accountId: sim.users.admin });

/** The guide's catalog, from the module the app loads. */
const guideCatalog = (): Catalog => jest.requireActual<{ catalog: Catalog }>(path.join(app.dir, 'src/usage/catalog.ts')).catalog;

/** Calls one of the toolkit's resolvers as the site admin, as the admin page does, and unwraps its envelope. */
async function call<N extends ResolverName>(sim: SimPlatform, name: N, payload: unknown = {}): Promise<ResolverOutput<N>> {
  const raw = await sim.invokeResolver(resolverFunctionKey(name), payload, asAdmin(sim));
  const envelope = envelopeSchema(resolverContract[name].output).parse(raw);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as ResolverOutput<N>;
}

/** The report, parsed against the guide's catalog: a field the catalog does not declare fails here. */
function reportOf(text: string): Report {
  const parsed = parseReport(JSON.parse(text), guideCatalog());
  if (!parsed.ok) throw new Error(parsed.issues.join('; '));
  return parsed.value;
}

describe('docs/GUIDE.md, followed literally', () => {
  test('marks every TypeScript and YAML block, so none escapes this suite', () => {
    expect(guide.unmarkedLanguages.filter((language) => ['ts', 'tsx', 'yaml', 'yml'].includes(language))).toEqual([]);
    expect([...guide.files.keys()]).toEqual(expect.arrayContaining(['manifest.yml', 'src/index.ts', 'src/usage/catalog.ts']));
  });

  test("its manifest passes Forge's validation and names the nodejs24.x runtime", async () => {
    // The validator checks that each resource folder holds an index.html. The admin page's folder is
    // what `npm install` puts in the app's node_modules; a stand-in page passes the check, and nothing loads it.
    const resource = path.join(app.dir, 'node_modules/@usage-reporting/admin-ui/dist/resource');
    mkdirSync(resource, { recursive: true });
    writeFileSync(path.join(resource, 'index.html'), '<!doctype html><title>stand-in</title>');

    const result = await validate(false, path.join(app.dir, 'manifest.yml'));

    expect(result.errors ?? []).toEqual([]);
    expect(loadManifest(path.join(app.dir, 'manifest.yml')).runtime).toBe('nodejs24.x');
  });

  test(
    "its TypeScript files type-check under this repository's strict compiler options",
    () => {
      const root = path.resolve(__dirname, '../..');
      const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
      if (!config) throw new Error('tsconfig.json could not be read');
      const files = [...guide.files.keys()].filter((file) => /\.tsx?$/.test(file)).map((file) => path.join(app.dir, file));

      const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram(files, config.options));

      expect(diagnostics.map((d) => `${d.file ? path.relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
    },
    120_000
  );

  test("the toolkit's preview holds exactly the guide catalog's fields, read from the app's own settings", async () => {
    const sim = startApp();
    await sim.invokeResolver('saveSettings', { templates: ['Release', 'Onboarding'], requiredOnClose: true }, asAdmin(sim));

    const report = reportOf((await call(sim, 'preview')).text);

    expect(Object.keys(report.fields).sort()).toEqual(guideCatalog().entries.map((entry) => entry.key).sort());
    expect(report.fields).toMatchObject({ 'checklists.templates': '1-10', 'checklists.requiredOnClose': true, 'checklists.itemsCompleted': '0' });
  });

  test("a feature counted with meter() reaches the next day's report as a range", async () => {
    // Only Date is faked: sockets and the simulated platform's time limits keep real time.
    jest.useFakeTimers({ doNotFake: [...realTimers], now: new Date('2026-03-02T10:00:00.000Z'), advanceTimers: true });
    try {
      const sim = startApp();
      for (const item of [0, 1, 2]) await sim.invokeResolver('completeItem', { issueKey: 'CHK-7', item }, asAdmin(sim));
      // A report covers whole days up to yesterday, as the guide says: today's counts are not in it yet.
      expect(reportOf((await call(sim, 'preview')).text).fields['checklists.itemsCompleted']).toBe('0');

      jest.setSystemTime(new Date('2026-03-03T10:00:00.000Z'));

      expect(reportOf((await call(sim, 'preview')).text).fields['checklists.itemsCompleted']).toBe('1-10');
    } finally {
      jest.useRealTimers();
    }
  });

  test('a host its manifest does not declare is refused before anything leaves', async () => {
    const sim = startApp();
    const functionKey = sim.manifest.raw.modules['jira:adminPage'][0]?.resolver?.function ?? 'the admin page has no resolver function';

    await expect(sim.runAsInvocation({ functionKey }, () => fetch('https://elsewhere.example.org/reports'))).rejects.toThrow(
      'URL not included in the external fetch backend permissions: https://elsewhere.example.org/reports'
    );
    expect(sim.counters.snapshot().egress).toEqual({});
  });

  test('its catalog with mistakes throws, when the module loads, the CatalogError the guide quotes', () => {
    const quoted = guide.outputs.get('catalog-error')?.trimEnd();
    expect(quoted).toContain('This usage-reporting catalog cannot be used:');

    const thrown = thrownBy(() => jest.requireActual(path.join(app.dir, 'src/usage/catalog-with-mistakes.ts')));

    expect(thrown).toBeInstanceOf(CatalogError);
    expect(thrown).toHaveProperty('message', quoted);
  });

  test(
    'its forge-sim test of the app passes under jest',
    async () => {
      const root = path.resolve(__dirname, '../..');
      const testFiles = [...guide.files.keys()].filter((file) => file.endsWith('.test.ts'));
      expect(testFiles).not.toEqual([]);
      // In a child process, as a vendor's `npx jest` runs it: a suite inside this one would share its
      // module registry and globals. This repository's jest.config.js gives the transform and
      // setupFiles the guide asks for; no global setup, since the guide's test runs the app's sources.
      const run = await promisify(execFile)(
        process.execPath,
        [require.resolve('jest/bin/jest'), '--ci', '--json', '--globalSetup=', '--testMatch', ...testFiles.map((file) => path.join(app.dir, file))],
        { cwd: root }
      ).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));

      const summary = JSON.parse(run.stdout) as { numTotalTests: number; numPassedTests: number };

      expect(summary.numTotalTests).toBeGreaterThan(0);
      expect({ passed: summary.numPassedTests, log: summary.numPassedTests === summary.numTotalTests ? '' : run.stderr }).toEqual({ passed: summary.numTotalTests, log: '' });
    },
    120_000
  );

  // The guide declares the collector as plain backend egress, as Atlassian's analytics-egress policy
  // requires of a vendor's own service; the toolkit finds it there (the app's one backend entry).
  test("a report the admin sends reaches the collector the guide's manifest declares, with a receipt", async () => {
    const store = new SqliteStore(':memory:');
    const collector = buildCollectorApp({ store, catalog: guideCatalog() });
    await collector.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const sim = startApp({
        egressTargets: { [declaredCollector()]: `http://127.0.0.1:${listeningPort(collector.app.server.address())}` },
        // What the guide has the vendor set with `forge variables set`: the receipt verifies against it.
        variables: { USAGE_REPORTING_COLLECTOR_PUBLIC_KEY: collector.context.answerSigner.publicKey }
      });
      await call(sim, 'setConsent', { mode: 'per-case' });
      const draft = await call(sim, 'preview');

      const sent = await call(sim, 'sendReport', { draftId: draft.draftId, digest: draft.digest });

      expect(sent).toMatchObject({ outcome: 'sent', receipt: { reportId: draft.reportId } });
      expect(await store.countReports()).toBe(1);
    } finally {
      await collector.app.close();
      await store.close();
    }
  });
});

const realTimers = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/** The one backend egress address the guide's manifest declares: the collector. */
function declaredCollector(): string {
  const declared = loadManifest(path.join(app.dir, 'manifest.yml')).backendEgress;
  if (declared.length !== 1 || declared[0] === undefined) throw new Error(`the guide's manifest declares ${declared.length} backend egress addresses; expected one`);
  return declared[0];
}

function listeningPort(address: string | AddressInfo | null): number {
  if (typeof address !== 'object' || address === null) throw new Error('the collector is not listening on a TCP port');
  return address.port;
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, and nothing was thrown');
}
