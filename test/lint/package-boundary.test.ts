import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The toolkit's packages are used as a vendor would use them: by name, through their package.json
 * exports. The lint rule that enforces it runs on the repository's own config (eslint.config.mjs).
 */
const root = path.join(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

/** Lints `source` as if it were `file`, in a child process: ESLint loads its ES-module config there. */
async function restrictedImports(source: string, file = 'src/boundary-probe.ts'): Promise<string[]> {
  const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: root, input: source, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint exited with ${run.status}: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('an import by path into a package is refused, from the app and from its tests alike', async () => {
  expect(await restrictedImports("import { canonicalJson } from '../packages/core/src/report/canonical-json';\nexport const x = canonicalJson;\n")).toEqual([
    expect.stringContaining('not by path into its internals')
  ]);
  expect(await restrictedImports("import { metricCatalog } from '../../packages/core/dist/index.js';\nexport const x = metricCatalog;\n", 'test/src/probe.test.ts')).toEqual([
    expect.stringContaining('not by path into its internals')
  ]);
});

test('an entry point the package does not export is refused, naming the ones it does', async () => {
  expect(await restrictedImports("import { sha256Hex } from '@usage-reporting/core/report/digest';\nexport const x = sha256Hex;\n")).toEqual([
    expect.stringContaining("entry points are '.', './api', './collector-api' and './node'")
  ]);
});

test('the package entry points pass', async () => {
  const source = [
    "import { canonicalJson } from '@usage-reporting/core';",
    "import { ok } from '@usage-reporting/core/api';",
    "import { ingestPath } from '@usage-reporting/core/collector-api';",
    "import { sha256Hex } from '@usage-reporting/core/node';",
    'export const x = [canonicalJson, ok, ingestPath, sha256Hex];',
    ''
  ].join('\n');
  expect(await restrictedImports(source)).toEqual([]);
});
