import path from 'node:path';
import { parseRunnerArgs, APP_DIR, type ParsedArgs, type RunnerOptions } from '@usage-reporting/forge-sim/runner';

function options(parsed: ParsedArgs): RunnerOptions {
  if (!parsed.ok || !('options' in parsed)) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function refusal(parsed: ParsedArgs): string {
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('npm start with no arguments', () => {
  test('listens on 3000, keeps a file KVS in the git-ignored .data/ and reads manifest.yml', () => {
    expect(options(parseRunnerArgs([], {}))).toEqual({
      port: 3000,
      dataDir: path.join(APP_DIR, '.data'),
      reset: false,
      memory: false,
      manifestPath: path.join(APP_DIR, 'manifest.yml')
    });
  });

  test('takes the port from PORT', () => {
    expect(options(parseRunnerArgs([], { PORT: '4100' })).port).toBe(4100);
  });

  test('refuses a PORT that is not a port number', () => {
    expect(refusal(parseRunnerArgs([], { PORT: 'http' }))).toBe('PORT=http is not a port number (0–65535).');
    expect(refusal(parseRunnerArgs([], { PORT: '70000' }))).toMatch(/^PORT=70000 is not a port number/);
  });
});

describe('runner flags', () => {
  test('--reset starts clean and --memory keeps the KVS off disk', () => {
    const parsed = options(parseRunnerArgs(['--reset', '--memory'], {}));
    expect(parsed.reset).toBe(true);
    expect(parsed.memory).toBe(true);
  });

  test('--port wins over PORT, and 0 asks for a free port', () => {
    expect(options(parseRunnerArgs(['--port', '0'], { PORT: '4100' })).port).toBe(0);
  });

  test('paths are resolved against the working directory', () => {
    const parsed = options(parseRunnerArgs(['--data-dir', 'tmp/data', '--seed', 'seeds/v1.json', '--resource-dir', 'ui', '--manifest', 'm.yml'], {}));
    expect(parsed.dataDir).toBe(path.resolve('tmp/data'));
    expect(parsed.seedFile).toBe(path.resolve('seeds/v1.json'));
    expect(parsed.resourceDir).toBe(path.resolve('ui'));
    expect(parsed.manifestPath).toBe(path.resolve('m.yml'));
  });

  test('--help asks for the usage text instead of starting', () => {
    expect(parseRunnerArgs(['--reset', '--help'], {})).toEqual({ ok: true, help: true });
  });

  test('a flag missing its value is refused, not swallowed as the next flag', () => {
    expect(refusal(parseRunnerArgs(['--seed', '--reset'], {}))).toMatch(/^--seed needs a value\.\nUsage: npm start -- \[options\]/);
    expect(refusal(parseRunnerArgs(['--port'], {}))).toMatch(/^--port needs a value\./);
  });

  test('an unknown flag is refused with the list of flags', () => {
    const message = refusal(parseRunnerArgs(['--rest'], {}));
    expect(message).toMatch(/^Unknown option --rest\./);
    expect(message).toContain('--reset');
    expect(message).toContain('--seed <file.json>');
  });

  test('--site-size sets how many projects or spaces the simulated site has', () => {
    expect(options(parseRunnerArgs(['--site-size', '50000'], {})).siteSize).toBe(50000);
    expect(options(parseRunnerArgs([], {})).siteSize).toBeUndefined();
    expect(refusal(parseRunnerArgs(['--site-size', '0'], {}))).toBe('--site-size 0 is not a whole number from 1 to 1000000.');
    expect(refusal(parseRunnerArgs(['--site-size', '2.5'], {}))).toMatch(/^--site-size 2\.5 is not a whole number/);
  });

  test('a port out of range is refused', () => {
    expect(refusal(parseRunnerArgs(['--port', '65536'], {}))).toBe('--port 65536 is not a port number (0–65535).');
  });
});
