import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchArgs } from '../../bench/lib/args';
import { atLeast } from '../../bench/lib/goals';
import { PartialFigures, runSections, type Section } from '../../bench/lib/sections';
import { percentile } from '../../bench/lib/stats';
import { unitOf } from '../../bench/lib/units';

const quiet = { quick: true, progress: () => undefined };
const section = (name: string, run: Section['run']): Section => ({ name, run });

describe('bench arguments', () => {
  it('reads --json, --quick and --only', () => {
    expect(parseBenchArgs(['--json', '--quick', '--only', 'collector,engine'])).toEqual({
      ok: true,
      args: { json: true, quick: true, only: ['collector', 'engine'], sectionsDir: null }
    });
  });

  it('refuses a mistyped flag instead of running the full bench', () => {
    expect(parseBenchArgs(['--qiuck'])).toMatchObject({ ok: false, message: expect.stringContaining("'--qiuck'") });
    expect(parseBenchArgs(['--only'])).toEqual({ ok: false, message: '--only needs a value' });
  });
});

describe('running sections', () => {
  it("merges every section's figures into one object", async () => {
    const outcome = await runSections(
      [section('a', async () => ({ a_per_s: 10 })), section('b', async ({ quick }) => ({ b_ms: quick ? 1 : 2 }))],
      quiet
    );
    expect(outcome.merged).toEqual({ a_per_s: 10, b_ms: 1 });
    expect(outcome.failed).toEqual([]);
  });

  it('reports a section that throws and still runs the ones after it', async () => {
    const lines: string[] = [];
    const outcome = await runSections(
      [
        section('broken', async () => {
          throw new Error('no collector today');
        }),
        section('fine', async () => ({ fine_ms: 3 }))
      ],
      { quick: false, progress: (l) => lines.push(l) }
    );
    expect(outcome.failed).toEqual(['broken']);
    expect(outcome.merged).toEqual({ fine_ms: 3 });
    expect(lines.some((l) => l.includes('broken failed') && l.includes('no collector today'))).toBe(true);
  });

  it('fails a section whose figures are not finite numbers, or that reuses another section’s key', async () => {
    const outcome = await runSections(
      [
        section('first', async () => ({ shared_ms: 1 })),
        section('nan', async () => ({ x_ms: Number.NaN })),
        section('clash', async () => ({ shared_ms: 2 })),
        section('text', async () => JSON.parse('{"y_ms":"fast"}') as Record<string, number>)
      ],
      quiet
    );
    expect(outcome.failed).toEqual(['nan', 'clash', 'text']);
    expect(outcome.merged).toEqual({ shared_ms: 1 });
    expect(outcome.sections.find((s) => s.name === 'clash')?.error).toBe("returned 'shared_ms', which first already returned");
  });

  it('keeps the figures a section measured before part of it failed, and still counts it failed', async () => {
    const lines: string[] = [];
    const outcome = await runSections(
      [
        section('half', async () => {
          throw new PartialFigures({ half_ms: 4 }, 'PostgreSQL: not installed');
        })
      ],
      { quick: false, progress: (l) => lines.push(l) }
    );
    expect(outcome.failed).toEqual(['half']);
    expect(outcome.merged).toEqual({ half_ms: 4 });
    expect(outcome.sections[0]).toMatchObject({ ok: false, figures: { half_ms: 4 }, error: 'PostgreSQL: not installed' });
    expect(lines).toContain('bench: half failed: PostgreSQL: not installed');
  });

  it("checks a section's goals against the figures it kept", async () => {
    const goals = [atLeast('fast enough', 'g_per_s', 100), atLeast('measured elsewhere', 'other_per_s', 1)];
    const outcome = await runSections([{ name: 'g', run: async () => ({ g_per_s: 99 }), goals }], quiet);
    expect(outcome.sections[0]?.goals).toEqual([
      { goal: 'fast enough', status: 'miss', measured: 'g_per_s = 99' },
      { goal: 'measured elsewhere', status: 'not measured', measured: 'no other_per_s' }
    ]);
  });

  it('reports a file that could not be loaded as a failed section', async () => {
    const outcome = await runSections([{ name: 'missing', error: 'could not load: nope' }], quiet);
    expect(outcome.failed).toEqual(['missing']);
  });
});

describe('figures', () => {
  it('takes p99 as the nearest-rank sample, never an interpolation', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(samples, 99)).toBe(198);
    expect(percentile(samples, 50)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile([], 99)).toThrow(RangeError);
  });

  it('reads the unit from the first suffix of the key', () => {
    expect(unitOf('collector_ingest_per_s_1m_rows')).toBe('/s');
    expect(unitOf('collector_p99_ms_1m_rows')).toBe('ms');
    expect(unitOf('collector_stored_rows_large')).toBe('rows');
    expect(unitOf('collector_retention_fold_s_1m_rows')).toBe('s');
    expect(unitOf('plain_count')).toBe('');
  });
});

describe('npm run bench -- --json', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-sections-'));
    writeFileSync(
      join(dir, 'alpha.ts'),
      `import { atLeast } from ${JSON.stringify(join(__dirname, '../../bench/lib/goals'))};\n` +
        "export const goals = [atLeast('alpha above 100', 'alpha_per_s', 100)];\n" +
        "export async function run() { console.log('chatter'); return { alpha_per_s: 123.4 }; }\n"
    );
    writeFileSync(join(dir, 'beta.ts'), "export async function run({ quick }: { quick: boolean }) { return { beta_p99_ms: quick ? 1 : 2 }; }\n");
    writeFileSync(join(dir, 'gamma.ts'), "export async function run() { throw new Error('gamma exploded'); }\n");
    writeFileSync(join(dir, 'delta.ts'), 'export const notRun = 1;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bench = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../bench/main.ts'), '--sections', dir, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints one JSON object merging the sections that ran, failures on stderr, exit code 1', () => {
    const res = bench('--json', '--quick');
    expect(JSON.parse(res.stdout)).toEqual({ alpha_per_s: 123.4, beta_p99_ms: 1 });
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('chatter');
    expect(res.stderr).toContain('gamma exploded');
    expect(res.stderr).toContain('delta exports no run');
    // The JSON holds figures only; the goals go with the progress.
    expect(res.stderr).toContain('alpha: goal: alpha above 100: pass (alpha_per_s = 123.4)');
    expect(res.status).toBe(1);
  }, 60_000);

  it('prints readable figures with units, and exits 0 when every selected section succeeds', () => {
    const res = bench('--only', 'alpha,beta');
    expect(res.stdout).toMatch(/alpha_per_s\s+123\.4\s+\/s/);
    expect(res.stdout).toMatch(/beta_p99_ms\s+2\s+ms/);
    expect(res.stdout).toContain('  goal: alpha above 100: pass (alpha_per_s = 123.4)');
    expect(res.status).toBe(0);
  }, 60_000);
});
