import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The Atlassian design-token themes, served as one real CSS file. The host only sets
 * `data-color-mode` on <html>; the variables themselves must ship with the app so the page
 * looks right offline, and a stylesheet file (not a <style> tag) is what Forge's CSP allows.
 */
const TOKENS_ID = 'virtual:atlaskit-tokens.css';
const themes = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

function atlaskitTokensCss(): Plugin {
  return {
    name: 'atlaskit-tokens-css',
    resolveId: (id) => (id === TOKENS_ID ? `\0${TOKENS_ID}` : null),
    load(id) {
      if (id !== `\0${TOKENS_ID}`) return null;
      return themes
        .map((theme) => {
          const css: unknown = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`).default;
          if (typeof css !== 'string') throw new Error(`@atlaskit/tokens theme ${theme} is not a CSS string`);
          return css;
        })
        .join('\n');
    }
  };
}

export default defineConfig({
  root,
  // Forge serves the resource from a sub-path of its CDN, so every asset URL must be relative.
  base: './',
  plugins: [react(), atlaskitTokensCss()],
  // The toolkit's sources, as tsconfig.json's paths map them (the page is built from this repository).
  resolve: {
    alias: [
      { find: /^@usage-reporting\/([a-z-]+)$/, replacement: `${fileURLToPath(new URL('../../packages/', import.meta.url))}$1/src/index.ts` },
      { find: /^@usage-reporting\/([a-z-]+)\/(.*)$/, replacement: `${fileURLToPath(new URL('../../packages/', import.meta.url))}$1/src/$2` }
    ]
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Forge's CSP has no 'unsafe-inline' for scripts: the preload polyfill would be an inline script.
    modulePreload: { polyfill: false },
    // data: URIs for fonts or images would need CSP exceptions; emit files instead.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022'
  }
});
