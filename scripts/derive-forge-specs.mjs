// Derives forge-specs/*.json from Atlassian's published OpenAPI specs, as pinned in
// forge-specs/sources.json: for each path and method, only the two fields @forge/lint's permission
// linter reads (`x-atlassian-oauth2-scopes`, then `security` when the former is absent), so the
// committed files stay small and the originals (megabytes each) stay out of the repository.
//
//   node scripts/derive-forge-specs.mjs [--mirrors DIR] [--latest]
//
// Each source repository must be a git clone (bare or not) at DIR/<owner>+<name>[/repo] or
// DIR/<name>; DIR defaults to $SPEC_MIRRORS, else /work/.mirror. --latest re-pins every source to
// its clone's HEAD (the commit that last changed the file) before deriving.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const specsDir = join(root, 'packages/forge-sim/forge-specs');
const sourcesFile = join(specsDir, 'sources.json');
const args = process.argv.slice(2);
const mirrors = valueOf('--mirrors') ?? process.env.SPEC_MIRRORS ?? '/work/.mirror';
const latest = args.includes('--latest');
// Path items may also hold `parameters`, `summary`, `servers`: only HTTP methods carry scopes.
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

const sources = JSON.parse(readFileSync(sourcesFile, 'utf8'));
for (const [file, source] of Object.entries(sources.specs)) {
  if (source.empty) {
    writeJson(join(specsDir, file), { source: { url: source.url, note: source.empty }, paths: {} });
    console.log(`${file}: empty (${source.env})`);
    continue;
  }
  const gitDir = findClone(source.repo);
  if (latest) source.commit = git(gitDir, ['log', '-1', '--format=%H', 'HEAD', '--', source.path]).trim();
  const date = git(gitDir, ['log', '-1', '--format=%cs', source.commit]).trim();
  const spec = JSON.parse(git(gitDir, ['show', `${source.commit}:${source.path}`]));
  const paths = minimalPaths(spec.paths);
  const derived = {
    source: { url: source.url, repo: source.repo, commit: source.commit, path: source.path, date, title: spec.info?.title, version: spec.info?.version },
    paths
  };
  writeJson(join(specsDir, file), derived);
  console.log(`${file}: ${Object.keys(paths).length} paths from ${source.repo}@${source.commit.slice(0, 12)}:${source.path} (${date})`);
}
if (latest) writeJson(sourcesFile, sources);

/** Keeps key order: the linter takes the first path whose pattern matches a call, in spec order. */
function minimalPaths(paths) {
  const out = {};
  for (const [path, item] of Object.entries(paths ?? {})) {
    const methods = {};
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const kept = {};
      if (operation['x-atlassian-oauth2-scopes']) kept['x-atlassian-oauth2-scopes'] = operation['x-atlassian-oauth2-scopes'];
      if (operation.security) kept.security = operation.security;
      methods[method] = kept;
    }
    out[path] = methods;
  }
  return out;
}

function findClone(repo) {
  const [owner, name] = repo.split('/');
  const candidates = [join(mirrors, `${owner}+${name}`, 'repo'), join(mirrors, `${owner}+${name}`), join(mirrors, name)];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`No clone of ${repo} under ${mirrors} (tried ${candidates.join(', ')}); git clone it there first.`);
  return found;
}

function git(dir, gitArgs) {
  return execFileSync('git', ['-C', dir, ...gitArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
}

function writeJson(file, value) {
  writeFileSync(file, JSON.stringify(value, null, 1) + '\n');
}

function valueOf(flag) {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
