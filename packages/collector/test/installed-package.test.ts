import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { collectorErrorBodySchema, receiptSchema } from '@usage-reporting/core/collector-api';
import { waitForListening } from './support/listening';

/**
 * The collector as a Marketplace vendor installs it: core and collector packed as npm would publish
 * them, installed into an empty project with `npm install --omit=dev`, and started through the
 * package's bin with a catalog module of the vendor's. Nothing here reads this repository's sources
 * or node_modules: the vendor's files import the installed packages only.
 *
 * Slow by nature: the whole suite took 1 to 2 minutes on a 2-core machine (65 s idle, 2 min busy),
 * nearly all of it npm compiling better-sqlite3: its prebuilt binaries come from GitHub, which that
 * machine could not reach, where a vendor's install downloads one in seconds. The packages
 * themselves come from the npm cache (--prefer-offline).
 */
const repoRoot = resolve(__dirname, '../../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The vendor's catalog: its own fields, none of the built-in catalog's. */
const vendorCatalogModule = `import { booleanMetric, countMetric, makeCatalog } from '@usage-reporting/core';

export const catalog = makeCatalog([
  countMetric({ key: 'boards.count', category: 'usage', purpose: 'product-improvement', since: 1, description: 'How many boards the site has.', collect: () => undefined }),
  booleanMetric({ key: 'sso.enabled', category: 'configuration', purpose: 'troubleshooting', since: 1, description: 'Whether single sign-on is on.', collect: () => undefined })
]);
`;

/**
 * Signs two reports as a new installation would (reportRequest: canonical bytes, Ed25519 signature)
 * and prints the requests as JSON: one the vendor's catalog describes, one with a field it lacks.
 */
const signReportsScript = `import { randomBytes, randomUUID } from 'node:crypto';
import { canonicalJson } from '@usage-reporting/core';
import { generateInstallationKeyPair, installationIdOf, reportRequest } from '@usage-reporting/core/node';

const key = generateInstallationKeyPair();
const installationId = installationIdOf(key.publicKey);
const now = new Date();
const day = (daysAgo) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const report = (fields) => ({
  fields,
  format: 'usage-report/1',
  generatedAt: now.toISOString(),
  installationId,
  period: { from: day(7), to: day(1) },
  purposes: ['product-improvement', 'troubleshooting'],
  reportId: randomUUID(),
  withheld: []
});
const sign = (r) => reportRequest({ key, installationId, now, nonce: randomBytes(16).toString('base64url'), reportText: canonicalJson(r), reportId: r.reportId });

const requests = [await sign(report({ 'boards.count': 12, 'sso.enabled': true })), await sign(report({ 'boards.count': 12, 'app.licence': 'active' }))];
process.stdout.write(JSON.stringify(requests));
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function mustRun(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/** Packs the workspace package in `dir` into `destination`; returns the tarball's path. */
async function pack(dir: string, destination: string): Promise<string> {
  const out = await mustRun(npm, ['pack', '--json', '--pack-destination', destination], dir);
  const [packed] = JSON.parse(out) as { filename: string }[];
  if (!packed) throw new Error(`npm pack in ${dir} reported no tarball`);
  return join(destination, packed.filename);
}


describe('the collector installed with npm install --omit=dev and started by its bin', () => {
  let work: string;
  let project: string;
  let collector: ChildProcessByStdio<null, Readable, Readable> | undefined;
  let url: string;
  let startLine: string;

  beforeAll(async () => {
    const build = await run(process.execPath, ['scripts/build-packages.cjs', '--if-stale'], repoRoot);
    if (build.code !== 0) throw new Error(`build:packages failed:\n${build.stdout}${build.stderr}`);

    work = mkdtempSync(join(tmpdir(), 'collector-installed-'));
    project = join(work, 'vendor-service');
    mkdirSync(project);
    const tarballs = [await pack(join(repoRoot, 'packages/core'), work), await pack(join(repoRoot, 'packages/collector'), work)];
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'vendor-service', version: '1.0.0', private: true }, null, 2)}\n`);
    await mustRun(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], project);

    writeFileSync(join(project, 'vendor-catalog.mjs'), vendorCatalogModule);
    writeFileSync(join(project, 'sign-reports.mjs'), signReportsScript);
    // Through the bin's shebang (`env node`), with this test's node first on PATH.
    collector = spawn(join(project, 'node_modules', '.bin', 'usage-reporting-collector'), [], {
      cwd: project,
      env: {
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        COLLECTOR_PORT: '0',
        COLLECTOR_DB: join(work, 'data', 'collector.db'),
        COLLECTOR_CATALOG: 'vendor-catalog.mjs',
        COLLECTOR_LOG: 'false'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let firstLine = '';
    collector.stdout.setEncoding('utf8').on('data', (d: string) => (firstLine ||= d.split('\n')[0] ?? ''));
    url = await waitForListening(collector);
    startLine = firstLine;
  }, 420_000);

  afterAll(async () => {
    if (collector && collector.exitCode === null && collector.signalCode === null) {
      const exited = new Promise((done) => collector?.on('exit', done));
      collector.kill('SIGTERM');
      await exited;
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('installs the runtime dependencies only: no TypeScript, no tsx', () => {
    expect(existsSync(join(project, 'node_modules', 'better-sqlite3'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
  });

  it('starts with the catalog module named in COLLECTOR_CATALOG, and its store where COLLECTOR_DB says', () => {
    expect(startLine).toContain(`catalog: ${join(project, 'vendor-catalog.mjs')}, format 1, 2 fields`);
    expect(existsSync(join(work, 'data', 'collector.db'))).toBe(true);
  });

  it('answers /healthz', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('stores a signed report of the vendor’s fields, and refuses one with a field the catalog lacks', async () => {
    const signed = JSON.parse(await mustRun(process.execPath, ['sign-reports.mjs'], project)) as { method: string; path: string; headers: Record<string, string>; body: string }[];
    const send = (r: (typeof signed)[number] | undefined) => fetch(`${url}${r?.path}`, { method: r?.method, headers: r?.headers, body: r?.body });
    const valid = await send(signed[0]);
    const unknownField = await send(signed[1]);

    expect(valid.status).toBe(201);
    expect(receiptSchema.safeParse(await valid.json()).success).toBe(true);
    expect(unknownField.status).toBe(400);
    expect(collectorErrorBodySchema.parse(await unknownField.json()).error.code).toBe('SCHEMA_VIOLATION');
  });
});
