import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// In-repository build tooling of the admin-ui package (not one of its entry points): see the file.
import { forgeBridgeSubset } from '../../../../packages/admin-ui/vite/forge-bridge';
import { preactCompatAliases } from '../../../../packages/admin-ui/vite/preact-compat';
import { preloadPage } from '../../../../packages/admin-ui/vite/preload-page';

const root = fileURLToPath(new URL('.', import.meta.url));
const packages = fileURLToPath(new URL('../../../../packages/', import.meta.url));

/**
 * The reference app's Custom UI: src/main.tsx mounts @usage-reporting/admin-ui's page. The options
 * below are the ones any vendor's Vite build of that package needs under Forge's Content-Security-Policy.
 */
export default defineConfig({
  root,
  // Forge serves the resource from a sub-path of its CDN, so every asset URL must be relative.
  base: './',
  // The page's share of @forge/bridge: saves about 20 KB gzipped (see the plugin). The page itself,
  // which src/main.tsx imports once the first screen's calls are on their way, fetched with the entry.
  plugins: [react(), forgeBridgeSubset(), preloadPage()],
  // The toolkit's sources, as tsconfig.json's paths map them (the page is built from this repository).
  resolve: {
    alias: [
      { find: /^@usage-reporting\/([a-z-]+)$/, replacement: `${packages}$1/src/index.ts` },
      { find: /^@usage-reporting\/([a-z-]+)\/(.*)$/, replacement: `${packages}$1/src/$2` },
      // React's API on preact/compat: React 19's react-dom alone is ~62 KB of the page's 100 KiB gzip
      // budget, preact ~10 KB. The page's jest suites and the packed vendor build render it with React;
      // the e2e suites run this build (packages/admin-ui/README.md, "With React, or with preact/compat").
      ...preactCompatAliases
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
