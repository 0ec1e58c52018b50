import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sha256Hex, verifyCollectorAnswer } from '@usage-reporting/core/node';
import { SqliteStore } from '../src/store/sqlite-store';
import { reportFile, rightsFile } from './hand-over-files';
import { bytesOf, makeInstallation, makeReport } from './support';

/**
 * The bin's sub-commands, run as a vendor runs them: `usage-reporting-collector ingest FILE...` and
 * `public-key`, as a child process (main.ts under tsx), on a real SQLite file in a temporary directory.
 */
function bin(cwd: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, join(__dirname, '../src/main.ts'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', COLLECTOR_LOG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stdout };
}

const run = (cwd: string, args: string[], env: Record<string, string>) => bin(cwd, args, env).exited;

describe('usage-reporting-collector ingest and public-key', () => {
  let dir: string;
  let env: Record<string, string>;
  let publicKey: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'collector-cli-'));
    env = { COLLECTOR_DB: join(dir, 'data', 'collector.db') };
    mkdirSync(join(dir, 'data'));
    // The vendor's collector has run here before: its database exists.
    await new SqliteStore(env.COLLECTOR_DB ?? '').close();
    const printed = await run(dir, ['public-key'], env);
    expect(printed.code).toBe(0);
    publicKey = printed.stdout.trim();
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('public-key prints the key alone, keeps it beside the database for its owner only, and prints the same key again', async () => {
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const keyFile = join(dir, 'data', 'collector-signing-key.pem');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = await run(dir, ['public-key'], env);
    expect(again).toEqual({ code: 0, stdout: `${publicKey}\n`, stderr: expect.stringMatching(/^collector signing key SHA256:\S+ \(from .*collector-signing-key\.pem\)\n$/) });
  }, 60_000);

  it('ingests the files an admin sent, writes each signed answer beside its file, and answers a file sent twice as before', async () => {
    const who = makeInstallation();
    const report = makeReport({ installationId: who.installationId });
    const inbox = join(dir, 'inbox-1');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'report.json'), await reportFile(who, report, new Date()));
    writeFileSync(join(inbox, 'restrict.json'), await rightsFile(who, { kind: 'restrict', restrictedPurposes: ['troubleshooting'] }, new Date()));

    const first = await run(dir, ['ingest', join(inbox, 'report.json'), join(inbox, 'restrict.json')], env);
    expect(first.code).toBe(0);
    const receiptName = readdirSync(inbox).find((f) => f.startsWith('usage-report-receipt-'));
    expect(first.stdout).toContain(`${join(inbox, 'report.json')}: report accepted; answer written to ${join(inbox, receiptName ?? '?')}`);
    const receipt = readFileSync(join(inbox, receiptName ?? '?'), 'utf8');
    const checked = verifyCollectorAnswer(receipt, publicKey, { kind: 'report-receipt', reportId: report.reportId, digest: sha256Hex(bytesOf(report)), installationId: who.installationId });
    expect(checked.ok).toBe(true);
    expect(readdirSync(inbox).filter((f) => f.startsWith('usage-report-restriction-'))).toHaveLength(1);

    const store = new SqliteStore(env.COLLECTOR_DB ?? '');
    try {
      expect((await store.reportsOf(who.installationId)).map((r) => r.bytes)).toEqual([bytesOf(report)]);
      expect((await store.getRestrictions(who.installationId))?.purposes).toEqual(['troubleshooting']);
    } finally {
      await store.close();
    }

    const again = await run(dir, ['ingest', '--stdout', join(inbox, 'report.json')], env);
    expect(again).toEqual({ code: 0, stdout: receipt, stderr: `${join(inbox, 'report.json')}: report already held, answered as before\n` });
  }, 60_000);

  it('refuses a tampered file with its reason and exits 1, while the other files are still taken', async () => {
    const who = makeInstallation();
    const inbox = join(dir, 'inbox-2');
    mkdirSync(inbox);
    const good = await reportFile(who, makeReport({ installationId: who.installationId }), new Date());
    writeFileSync(join(inbox, 'tampered.json'), good.replace('\\"site.product\\":\\"jira\\"', '\\"site.product\\":\\"confluence\\"'));
    writeFileSync(join(inbox, 'good.json'), await reportFile(who, makeReport({ installationId: who.installationId }), new Date()));
    writeFileSync(join(inbox, 'receipt.json'), '{"format":"usage-reporting/collector-answer","version":1}');

    const result = await run(dir, ['ingest', join(inbox, 'tampered.json'), join(inbox, 'good.json'), join(inbox, 'receipt.json'), join(inbox, 'absent.json')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(inbox, 'tampered.json')}: refused, UNAUTHENTICATED: The file's signature does not verify`);
    expect(result.stderr).toContain(`${join(inbox, 'receipt.json')}: refused, HAND_OVER_WRONG_KIND: This is an answer from the collector`);
    expect(result.stderr).toContain(`${join(inbox, 'absent.json')}: refused: the file cannot be read (ENOENT)`);
    expect(result.stderr).toContain('1 of 4 files taken');
    expect(result.stdout).toContain(`${join(inbox, 'good.json')}: report accepted`);
    expect(readdirSync(inbox).filter((f) => f.startsWith('usage-report-receipt-'))).toHaveLength(1);
  }, 60_000);

  it('does not make a database or a key of its own: ingest against a collector that never ran is refused', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'collector-cli-none-'));
    try {
      writeFileSync(join(elsewhere, 'report.json'), '{}');
      const result = await run(elsewhere, ['ingest', 'report.json'], { COLLECTOR_DB: join(elsewhere, 'collector.db') });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/collector-signing-key\.pem does not exist: run the collector \(or its public-key command\) with this configuration first\n$/);
      expect(existsSync(join(elsewhere, 'collector.db'))).toBe(false);
      expect(existsSync(join(elsewhere, 'collector-signing-key.pem'))).toBe(false);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it('says how to use it when given no file', async () => {
    const result = await run(dir, ['ingest'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage-reporting-collector ingest [--stdout] FILE...');
  }, 60_000);

  it('without a sub-command still starts the collector, which signs with the key public-key printed', async () => {
    const server = bin(dir, [], { ...env, COLLECTOR_PORT: '0' });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        server.child.stdout.on('data', () => {
          const match = /^answers signed by collector key .*$/m.exec(server.output());
          if (match) resolve(match[0]);
        });
        void server.exited.then((r) => reject(new Error(`exited ${r.code}: ${r.stderr}`)));
      });
      expect(line).toContain(`answers signed by collector key ${publicKey} (SHA256:`);
      expect(line).toMatch(/hand-over files: http:\/\/127\.0\.0\.1:\d+\/upload, taken for 30 days$/);
      const url = /hand-over files: (http:\/\/\S+)\/upload/.exec(line)?.[1];
      expect((await fetch(`${url}/upload`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});
