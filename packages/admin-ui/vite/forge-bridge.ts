import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * For a Vite build of the admin page: @forge/bridge as the page uses it, and fetched early.
 *
 * The package's index is CommonJS re-exporting every bridge API (router, modal, events, rovo, the
 * ADF renderer, which lazily pulls in iframe-resizer, …), so no bundler can leave the unused ones
 * out: about 20 KB gzipped of the page's total. The page uses `invoke`, `view.theme` and
 * `view.getContext` only, and src/bridge/load-bridge.ts's `ForgeBridge` type lets it use no more, so
 * this build resolves `@forge/bridge` to a module exporting those, from the package's own files.
 *
 * The page imports the bridge lazily (it throws when imported outside a Forge frame), which would
 * make its chunk a second round trip after the entry has run; a `<link rel="modulepreload">` lets the
 * browser fetch and compile it alongside the entry without running it.
 *
 * Those files are CommonJS compiled with importHelpers: each `require("tslib")` takes the helper
 * library whole (about 3.5 KB gzipped), since a bundler cannot see which properties CommonJS reads.
 * Here they get a module exporting only the helpers the bridge's and @forge/i18n's files name,
 * found by reading those files when the build starts, so a newer bridge that uses another helper
 * still gets it.
 *
 * Size and speed only: a build without this plugin gets the whole bridge and the same behaviour. An
 * app's own code may import `invoke` and `view` from @forge/bridge too; anything else fails the
 * build with a missing export, never at run time. Assumes `base: './'` (both apps' configs).
 */
const SUBSET_ID = '\0usage-reporting:forge-bridge';
const TSLIB_ID = '\0usage-reporting:forge-bridge-tslib';

/** Every .js file below `dir`. */
function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(dir, name));
}

/** The tslib helpers (`tslib_1.__exportStar`) the CommonJS files below these folders use. */
function tslibHelpersUsed(dirs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of dirs.flatMap(scripts)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\btslib_\d+\.(__\w+)/g)) names.add(match[1] ?? '');
  }
  return [...names].filter(Boolean).sort();
}

export function forgeBridgeSubset(): Plugin {
  // The package's exports map names only its index; its files stay where its index requires them.
  const require = createRequire(import.meta.url);
  const out = path.dirname(require.resolve('@forge/bridge'));
  // The bridge's view helpers require @forge/i18n; both packages' files share the one tslib.
  const i18nOut = path.dirname(createRequire(path.join(out, 'index.js')).resolve('@forge/i18n'));
  const tslibEsm = path.join(path.dirname(require.resolve('tslib')), 'tslib.es6.mjs');
  const helpers = tslibHelpersUsed([out, i18nOut]);
  const fromForge = (importer: string | undefined) => importer !== undefined && [out, i18nOut].some((dir) => importer.startsWith(dir + path.sep));
  const file = (name: string) => JSON.stringify(path.join(out, name));
  return {
    name: 'usage-reporting:forge-bridge-subset',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@forge/bridge') return SUBSET_ID;
      if (source === 'tslib' && fromForge(importer)) return TSLIB_ID;
      return null;
    },
    load(id) {
      if (id === TSLIB_ID) return `export { ${helpers.join(', ')} } from ${JSON.stringify(tslibEsm)};`;
      if (id !== SUBSET_ID) return null;
      return [
        `export { invoke } from ${file('invoke/index.js')};`,
        `import { theme } from ${file('view/theme.js')};`,
        `import { getContext } from ${file('view/getContext.js')};`,
        'export const view = { theme, getContext };'
      ].join('\n');
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.includes(SUBSET_ID));
        // An app that imports the bridge statically (SSO Config's own client) has it in the entry already.
        if (!chunk || (chunk.type === 'chunk' && chunk.isEntry)) return [];
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }];
      }
    }
  };
}
