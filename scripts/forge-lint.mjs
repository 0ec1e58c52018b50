// `forge lint`'s client-side linters (@forge/lint, the package `forge lint` and `forge deploy` run),
// offline, on a Forge app directory: the reference app (apps/reference) unless one is named.
//
//   node scripts/forge-lint.mjs [APP_DIR] [--with-toolkit-sources] [--json]
//
// Fails (exit 1) on any lint error, and on zero files parsed: @forge/lint skips every .ts file
// that the app's tsconfig.json `include` does not list by exact path, and then reports
// "No issues found" having checked nothing. --json prints one summary object for tests.
//
// --with-toolkit-sources also lints the sources of the toolkit packages the app bundles (its
// package.json `dependencies` among packages/*: @usage-reporting/core and forge; collector and
// forge-sim never run on Forge) against the same manifest. `forge deploy` bundles them into the
// same functions, and their product API calls (the site counts) need the app's scopes. The
// reference app asks for this: it turns on every product read the toolkit has.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const appDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(root, 'apps/reference'));
const withToolkitSources = args.includes('--with-toolkit-sources');

/** Where each lint pass runs (@forge/lint reads ./tsconfig.json there) and the directories it lints. */
const passes = [
  // Forge lints ./src (LintService's default directory).
  { cwd: appDir, directories: ['src'] },
  // The packages' own sources, from the repository root, whose tsconfig.json includes them.
  ...(withToolkitSources ? [{ cwd: root, directories: bundledPackageSources() }] : [])
];

/**
 * The toolkit packages in the functions' bundle: those the app's backend (src/) imports, and theirs in
 * turn. Not every package the app depends on: admin-ui goes into the Custom UI, which Vite bundles.
 */
function bundledPackageSources() {
  const packages = new Map(
    readdirSync(join(root, 'packages'))
      .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
      .map((dir) => {
        const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
        return [manifest.name, { dir, dependencies: Object.keys(manifest.dependencies ?? {}) }];
      })
  );
  const imported = new Set();
  const visit = (name) => {
    if (imported.has(name) || !packages.has(name)) return;
    imported.add(name);
    for (const dependency of packages.get(name).dependencies) visit(dependency);
  };
  for (const file of listFiles(join(appDir, 'src')).filter((f) => /\.tsx?$/.test(f))) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/from '(@usage-reporting\/[a-z-]+)[/']/g)) visit(name);
  }
  return [...imported].map((name) => join('packages', packages.get(name).dir, 'src'));
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
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

// @forge/lint reads ./tsconfig.json relative to the working directory, as the CLI does; the manifest
// is the app's in every pass.
const require = createRequire(join(root, 'package.json'));
const { lint, parseSourceFile, problemCount, reportLintResults } = require('@forge/lint');
const { FileSystemReader, listGitIgnoreFiles } = require('@forge/cli-shared');

const lines = [];
const logger = { info: (message) => lines.push(message) };
// The manifest linters ask Atlassian's feature flags which runtimes are deprecated; offline there
// are none, and test/sim/manifest.test.ts checks the runtime the manifest names.
const offlineFlags = { getDeprecatedRuntimes: async () => [] };

const manifest = parseYaml(readFileSync(join(appDir, 'manifest.yml'), 'utf8'));
const reader = new FileSystemReader();
const files = [];
const parsed = [];
const results = [];
for (const pass of passes) {
  process.chdir(pass.cwd);
  const ignored = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const found = (await Promise.all(pass.directories.map((dir) => reader.recursiveReadDir(dir, ignored)))).flat();
  files.push(...found);
  const countingParse = (filepath, parser, readFile) => {
    parsed.push(filepath);
    return parseSourceFile(filepath, parser, readFile);
  };
  // The manifest's own checks run once, in the app's directory, where its resource paths resolve.
  const manifestChecked = pass.cwd === appDir;
  const passResults = await lint(found, manifest, 'development', logger, offlineFlags, {
    linter: { mode: 'client-side' },
    parseFunction: countingParse
  });
  results.push(...(manifestChecked ? passResults : passResults.filter((result) => found.includes(result.file))));
}
process.chdir(root);
reportLintResults(logger, results, true);
const { errors, warnings } = problemCount(results);
const messages = results.flatMap((result) =>
  [...result.errors.map((e) => ({ ...e, level: 'error' })), ...result.warnings.map((w) => ({ ...w, level: 'warning' }))].map(
    ({ level, line, column, message }) => ({ level, file: result.file, line, column, message })
  )
);
const failed = errors > 0 || parsed.length === 0;

if (json) {
  console.log(JSON.stringify({ appDir, filesFound: files.length, filesParsed: parsed.length, files, unparsed: files.filter((f) => !parsed.includes(f)), errors, warnings, messages }));
} else {
  for (const line of lines) console.log(line);
  console.log(`forge lint (client-side, pinned specs): ${parsed.length} of ${files.length} files parsed, ${errors} errors, ${warnings} warnings.`);
  if (parsed.length === 0) console.error('No file was parsed: does tsconfig.json `include` list the app files as globs (src/**/*), not folders?');
}
process.exitCode = failed ? 1 : 0;
