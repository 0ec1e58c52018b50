import type { Plugin } from 'vite';

/**
 * For a Vite build whose entry starts the first screen's calls and then imports the page itself
 * dynamically (apps/reference/static/admin/src/main.tsx): a `<link rel="modulepreload">` for each
 * chunk the entry imports that way, and for the chunks those import in turn, so the browser fetches
 * and compiles the page alongside the entry instead of only once the entry has run.
 *
 * Why the page is a dynamic import at all: Chromium hands a message to another origin's window
 * (the Forge host's) only when the task that posted it ends. Evaluated in the entry's task, the page's
 * modules (zod's schemas, the components, the words: about 20 ms) would hold the calls back; behind a
 * dynamic import they evaluate in a later task, after the calls have left.
 *
 * Each at low priority (`fetchpriority="low"`): the page is needed only once the entry has run, so
 * the entry and the stylesheet it shares the connections with come first, and the calls leave sooner.
 *
 * Speed only: without this plugin the page loads the same, a round trip later. Assumes `base: './'`.
 */
export function preloadPage(): Plugin {
  return {
    name: 'usage-reporting:preload-page',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const entry = [...chunks.values()].find((c) => c.isEntry);
        if (!entry) return [];
        // The page's chunks and everything they import statically; the entry's own imports Vite preloads already.
        const wanted = new Set<string>();
        const visit = (fileName: string) => {
          if (wanted.has(fileName) || fileName === entry.fileName || entry.imports.includes(fileName)) return;
          wanted.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
        };
        entry.dynamicImports.forEach(visit);
        return [...wanted].map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, fetchpriority: 'low', href: `./${fileName}` }, injectTo: 'head' as const }));
      }
    }
  };
}
