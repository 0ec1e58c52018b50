// `forge lint`'s client-side linters (@forge/lint, the package `forge lint` and `forge deploy` run),
// offline, on a Forge app directory: the repository root unless one is named.
//
//   node scripts/forge-lint.mjs [APP_DIR] [--json]
//
// Fails (exit 1) on any lint error, and on zero files parsed: @forge/lint skips every .ts file
// that the app's tsconfig.json `include` does not list by exact path, and then reports
// "No issues found" having checked nothing. --json prints one summary object for tests.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const appDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? root);
// Forge lints ./src (LintService's default directory). The toolkit packages the app depends on at
// run time (its package.json `dependencies`, e.g. @usage-reporting/core) are bundled into the same
// functions, so their sources are linted too; collector and forge-sim never run on Forge. A
// directory the app lacks is simply empty.
const LINTED_DIRECTORIES = ['src', ...bundledPackageSources()];

function bundledPackageSources() {
  const dir = join(appDir, 'packages');
  if (!existsSync(dir) || !existsSync(join(appDir, 'package.json'))) return [];
  const runtime = Object.keys(JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).dependencies ?? {});
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')) && runtime.includes(JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')).name))
    .map((name) => join('packages', name, 'src'))
    .filter((src) => existsSync(join(appDir, src)));
}

// The permission linter reads the product specs from these files when all six are set, and
// otherwise fetches them from Atlassian: pinned, the result cannot change under us, nor need a network.
const specs = join(root, 'packages/forge-sim/forge-specs');
Object.assign(process.env, {
  USE_LOCAL_SWAGGER: 'true',
  LOCAL_JIRA_SWAGGER: join(specs, 'jira-platform.json'),
  LOCAL_JSW_SWAGGER: join(specs, 'jira-software.json'),
  LOCAL_JSM_SWAGGER: join(specs, 'jira-service-management.json'),
  LOCAL_CONF_SWAGGER: join(specs, 'confluence-v1.json'),
  LOCAL_CONF_V2_SWAGGER: join(specs, 'confluence-v2.json'),
  LOCAL_BB_SWAGGER: join(specs, 'bitbucket.json')
});

// @forge/lint reads ./tsconfig.json and ./manifest.yml relative to the working directory, as the CLI does.
process.chdir(appDir);
const require = createRequire(join(root, 'package.json'));
const { lint, parseSourceFile, problemCount, reportLintResults } = require('@forge/lint');
const { FileSystemReader, listGitIgnoreFiles } = require('@forge/cli-shared');

const lines = [];
const logger = { info: (message) => lines.push(message) };
// The manifest linters ask Atlassian's feature flags which runtimes are deprecated; offline there
// are none, and test/sim/manifest.test.ts checks the runtime the manifest names.
const offlineFlags = { getDeprecatedRuntimes: async () => [] };

const reader = new FileSystemReader();
const ignored = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
const files = (await Promise.all(LINTED_DIRECTORIES.map((dir) => reader.recursiveReadDir(dir, ignored)))).flat();
const parsed = [];
const countingParse = (filepath, parser, readFile) => {
  parsed.push(filepath);
  return parseSourceFile(filepath, parser, readFile);
};

const manifest = parseYaml(readFileSync('manifest.yml', 'utf8'));
const results = await lint(files, manifest, 'development', logger, offlineFlags, {
  linter: { mode: 'client-side' },
  parseFunction: countingParse
});
reportLintResults(logger, results, true);
const { errors, warnings } = problemCount(results);
const messages = results.flatMap((result) =>
  [...result.errors.map((e) => ({ ...e, level: 'error' })), ...result.warnings.map((w) => ({ ...w, level: 'warning' }))].map(
    ({ level, line, column, message }) => ({ level, file: result.file, line, column, message })
  )
);
const failed = errors > 0 || parsed.length === 0;

if (json) {
  console.log(JSON.stringify({ appDir, filesFound: files.length, filesParsed: parsed.length, errors, warnings, messages }));
} else {
  for (const line of lines) console.log(line);
  console.log(`forge lint (client-side, pinned specs): ${parsed.length} of ${files.length} files parsed, ${errors} errors, ${warnings} warnings.`);
  if (parsed.length === 0) console.error('No file was parsed: does tsconfig.json `include` list the app files as globs (src/**/*), not folders?');
}
process.exitCode = failed ? 1 : 0;
