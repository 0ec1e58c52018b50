import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * What each entry point of @usage-reporting/core pulls in, followed file by file through its
 * relative imports. The root, ./api and ./collector-api are what a browser bundle imports (the admin
 * page does): no node: module and no @forge package may be among them. Only ./node may use node:crypto.
 */
const src = path.join(__dirname, '../src');

function closure(entry: string): { files: string[]; bare: Set<string> } {
  const files: string[] = [];
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (!spec) continue;
      if (!spec.startsWith('.')) {
        bare.add(spec);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!existsSync(target)) throw new Error(`${path.relative(src, file)} imports ${spec}, which does not exist`);
      visit(target);
    }
  };
  visit(path.join(src, entry));
  return { files, bare };
}

test.each(['index.ts', 'api/index.ts', 'collector-api/index.ts'])('%s runs in the browser: it imports no node: module and no @forge package', (entry) => {
  const { files, bare } = closure(entry);
  expect(files.length).toBeGreaterThan(1);
  expect([...bare].filter((m) => m.startsWith('node:') || m.startsWith('@forge/'))).toEqual([]);
});

test('./node is where node:crypto is, and it still imports no @forge package', () => {
  const { bare } = closure('node.ts');
  expect(bare).toContain('node:crypto');
  expect([...bare].filter((m) => m.startsWith('@forge/'))).toEqual([]);
});

test('every entry point in package.json exports a source file of that name', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { exports: Record<string, { default: string } | string> };
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    const source = target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts');
    expect({ subpath, exists: existsSync(path.join(src, source)) }).toEqual({ subpath, exists: true });
  }
});
