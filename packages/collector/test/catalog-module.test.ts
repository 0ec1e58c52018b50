import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countMetric, makeCatalog, metricCatalog } from '@usage-reporting/core';
import { catalogFromExports, loadCatalogModule, type CatalogModuleResult } from '../src/catalog-module';

const fixtures = join(__dirname, 'fixtures', 'catalogs');
const boards = countMetric({ key: 'boards.count', category: 'usage', purpose: 'product-improvement', since: 1, description: 'How many boards the site has.', collect: () => undefined });

/** The message of a refusal; fails the test when the result is a catalog. */
const messageOf = (result: CatalogModuleResult): string => {
  if (result.ok) throw new Error(`expected a refusal, got a catalog from ${result.path}`);
  return result.message;
};

describe('the catalog among a module’s exports', () => {
  it('takes the `catalog` export, checked again with makeCatalog', () => {
    const result = catalogFromExports({ catalog: makeCatalog([boards]) }, '/srv/catalog.mjs');
    expect(result).toMatchObject({ ok: true, path: '/srv/catalog.mjs' });
    if (result.ok) expect([...result.catalog.byKey.keys()]).toEqual(['boards.count']);
  });

  it('takes the default export when there is no `catalog` export', () => {
    const result = catalogFromExports({ default: metricCatalog }, '/srv/catalog.mjs');
    expect(result.ok && result.catalog.entries.map((e) => e.key)).toEqual(metricCatalog.entries.map((e) => e.key));
  });

  it('refuses a module without either export, naming the path and what was expected', () => {
    const message = messageOf(catalogFromExports({ metrics: [boards] }, '/srv/catalog.mjs'));
    expect(message).toBe(
      'COLLECTOR_CATALOG: /srv/catalog.mjs has no `catalog` export and no default export; ' +
        'expected a .js, .mjs or .cjs module whose `catalog` export (or default export) is a catalog made with makeCatalog from @usage-reporting/core.'
    );
  });

  it('refuses bare entries, and says to pass them to makeCatalog', () => {
    expect(messageOf(catalogFromExports({ catalog: [boards] }, '/srv/catalog.mjs'))).toContain(
      'exports an array as `catalog`, not a catalog (pass the entries to makeCatalog and export what it returns)'
    );
  });

  it('refuses a catalog-shaped object whose entries makeCatalog rejects, on one line', () => {
    const forged = { entries: [{ ...boards, key: 'Boards' }], formatVersion: 1, byKey: new Map() };
    const message = messageOf(catalogFromExports({ catalog: forged }, '/srv/catalog.mjs'));
    expect(message).toContain('exports a catalog that makeCatalog refuses (');
    expect(message).toContain("'Boards'");
    expect(message).not.toContain('\n');
  });
});

describe('loading a catalog module from disk', () => {
  it('refuses a path where there is no file, before importing anything', async () => {
    const message = messageOf(await loadCatalogModule('missing/catalog.mjs', '/srv/collector'));
    expect(message).toMatch(/^COLLECTOR_CATALOG: \/srv\/collector\/missing\/catalog\.mjs does not exist; expected /);
  });

  it('refuses a directory', async () => {
    expect(messageOf(await loadCatalogModule(fixtures))).toContain(`${fixtures} is not a file;`);
  });

  // jest turns import() into require(), so the modules are imported in a plain Node process (tsx), as
  // the bin imports them. Its working directory is outside the repository, as a vendor's is: there
  // tsx maps no paths and @usage-reporting/core resolves to its build, which jest's global setup keeps current.
  it('imports real modules: a catalog export, a default export, CommonJS, none, and one that throws', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'collector-catalog-'));
    try {
      const paths = [
        join(fixtures, 'vendor-catalog.mjs'),
        relative(cwd, join(fixtures, 'default-export.mjs')),
        join(fixtures, 'common-js.cjs'),
        join(fixtures, 'entries-only.mjs'),
        join(fixtures, 'throws.mjs')
      ];
      const [named, byDefault, commonJs, entriesOnly, throws] = await loadInNode(cwd, paths);
      expect(named).toEqual({ ok: true, path: join(fixtures, 'vendor-catalog.mjs'), keys: ['boards.count', 'sso.enabled'], formatVersion: 1 });
      expect(byDefault).toEqual({ ok: true, path: join(fixtures, 'default-export.mjs'), keys: ['boards.count'], formatVersion: 1 });
      expect(commonJs).toMatchObject({ ok: true, keys: ['boards.count'] });
      expect(entriesOnly).toEqual({ ok: false, message: expect.stringContaining(`${join(fixtures, 'entries-only.mjs')} has no \`catalog\` export and no default export;`) });
      expect(throws).toEqual({ ok: false, message: expect.stringContaining('throws.mjs failed to load (the catalog could not read its settings);') });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 30_000);
});

type Loaded = { ok: true; path: string; keys: string[]; formatVersion: number } | { ok: false; message: string };

function loadInNode(cwd: string, paths: string[]): Promise<Loaded[]> {
  const driver = join(__dirname, 'fixtures', 'load-catalog-modules.ts');
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, driver, ...paths], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Loaded[]) : reject(new Error(`the loader exited with ${code}: ${err}`))));
  });
}
