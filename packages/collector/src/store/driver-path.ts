import { createRequire } from 'node:module';

/**
 * better-sqlite3's entry file, resolved from this package, as its own imports are. The checkpoint
 * worker (wal-checkpointer.ts) runs a plain script whose require() would search from the working
 * directory instead, and a vendor's service directory need not hold better-sqlite3 at all.
 */
export function betterSqlite3Path(): string {
  return createRequire(thisModuleFile()).resolve('better-sqlite3');
}

/**
 * This module's own file, from V8's call sites. The same source runs as an ES module (the published
 * dist/) and as CommonJS (tsx, jest and Playwright read the sources in this repository):
 * `__filename` does not exist in the first, and `import.meta` is left in place by Playwright's
 * CommonJS compile, where it is a syntax error. A call site names the file in both: a path in
 * CommonJS, a file: URL in an ES module, and createRequire takes either.
 */
function thisModuleFile(): string {
  const { prepareStackTrace, stackTraceLimit } = Error;
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_error, sites) => sites;
    const sites: unknown = new Error().stack;
    const file = Array.isArray(sites) ? (sites[0] as NodeJS.CallSite | undefined)?.getFileName() : undefined;
    if (!file) throw new Error('The collector could not tell where its own module is, to find better-sqlite3 from there.');
    return file;
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
    Error.stackTraceLimit = stackTraceLimit;
  }
}
