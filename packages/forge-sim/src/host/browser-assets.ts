import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../../layout/index.js';

/**
 * The host's own browser files (browser/*.ts), compiled once to classic scripts when first served.
 * They are global scripts wrapped in one function each, so plain transpilation is enough:
 * no bundler, and the served file is exactly the reviewed source minus its types. Read from the
 * package's src/host/browser/ whether the host runs from its sources or its build (which ships that
 * folder, see package.json "files"), so both serve the same bytes.
 */
const BROWSER_DIR = path.join(packageRoot, 'src', 'host', 'browser');
const cache = new Map<string, string>();

export function browserScript(name: 'bridge-shim' | 'host-page'): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const source = readFileSync(path.join(BROWSER_DIR, `${name}.ts`), 'utf8');
  const output = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None, removeComments: false },
    fileName: `${name}.ts`,
    reportDiagnostics: false
  }).outputText;
  cache.set(name, output);
  return output;
}

export function browserStylesheet(name: 'host'): string {
  return readFileSync(path.join(BROWSER_DIR, `${name}.css`), 'utf8');
}
