import type { Alias } from 'vite';

/**
 * For a Vite build of the admin page: React's module names resolved to preact/compat.
 *
 * React 19's react-dom is about 62 KB gzipped before one line of the page, more than half of the
 * page's 100 KiB budget; preact with its hooks and compat layer is about 10 KB. The page is written
 * against React's API (useId, useSyncExternalStore, createRoot, the automatic JSX runtime) and uses
 * nothing preact/compat lacks, so a build may swap the framework underneath it.
 *
 * Optional: a build without these aliases renders the same page with React (the package's jest
 * suites do; so does the packed vendor project in test/pack). Needs `preact` (11.x) in the building
 * app's dependencies. Exact matches only: `react-dom/server` or anything else unlisted still
 * resolves to React, so a page that started using one fails loudly instead of mixing frameworks.
 */
export const preactCompatAliases: Alias[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  // @vitejs/plugin-react's automatic JSX runtime imports these two.
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' }
];
