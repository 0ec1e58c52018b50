// The newest modification time under a path, for the build scripts' staleness checks
// (build-packages.cjs, forge-bundle.cjs). 0 for a path that does not exist.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

// Build output (a package's dist/, an app's .forge-build/) and installed modules are never what
// something is built from.
const NOT_INPUTS = ['dist', 'node_modules', '.forge-build'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A deleted file changes its directory's mtime, so the directories count too.
  return Math.max(stat.mtimeMs, ...readdirSync(path).filter((name) => !NOT_INPUTS.includes(name)).map((name) => newestMtime(join(path, name))));
}

module.exports = { newestMtime };
