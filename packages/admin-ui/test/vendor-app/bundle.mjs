// Builds this vendor app with Vite or webpack, each through its own JS API and with only the options
// a vendor sets for Forge (no alias, no plugin of ours), then writes modules.json: every module the
// bundler took from @usage-reporting/admin-ui, by its real path.
//
//   node bundle.mjs vite|webpack <outDir>
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('.', import.meta.url));
const [bundler, outDir] = process.argv.slice(2);
if (!outDir || (bundler !== 'vite' && bundler !== 'webpack')) throw new Error('usage: node bundle.mjs vite|webpack <outDir>');

const modules = bundler === 'vite' ? await viteBuild() : await webpackBuild();
const real = [...new Set(modules.filter((id) => id.startsWith('/')).map((id) => realpathSync(id.split('?')[0])))];
writeFileSync(join(outDir, 'modules.json'), JSON.stringify(real.filter((id) => id.includes('/admin-ui/')), null, 2));

async function viteBuild() {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: app,
    logLevel: 'warn',
    base: './',
    build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false }, assetsInlineLimit: 0 }
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []));
}

async function webpackBuild() {
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: app,
        entry: './main.js',
        output: { path: outDir, clean: true },
        // webpack's own CSS support: the package's CSS needs no loader of ours either.
        experiments: { css: true },
        devtool: false
      },
      (error, result) => (error ? reject(error) : resolve(result))
    )
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return stats.toJson({ all: false, modules: true, nestedModules: true }).modules.flatMap(function ids(m) {
    return [m.nameForCondition ?? '', ...(m.modules ?? []).flatMap(ids)];
  });
}
