// Builds an app's admin UI with its own vite.config.ts (nothing written) and prints its chunks as
// JSON: file name, entry or dynamic entry, whether (and with which tag) index.html loads or preloads it, and each module's
// rendered exports. Run by
// test/app-build.test.ts in a process of its own, as Vite is ES modules only.
//
//   node chunks.mjs <path to vite.config.ts>
import { build } from 'vite';

const [configFile] = process.argv.slice(2);
if (!configFile) throw new Error('usage: node chunks.mjs <vite.config.ts>');
const result = await build({ configFile, logLevel: 'silent', build: { write: false, emptyOutDir: false } });
const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
// The scripts and module preloads index.html names: what the browser fetches before any script runs.
const html = outputs.find((o) => o.type === 'asset' && o.fileName === 'index.html');
const htmlTags = new Map([...String(html?.source ?? '').matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+\.js)"[^>]*>/g)].map((m) => [m[1], m[0]]));
const loadedByHtml = [...htmlTags.keys()];
const chunks = outputs
  .filter((c) => c.type === 'chunk')
  .map((c) => ({
    fileName: c.fileName,
    isEntry: c.isEntry,
    isDynamicEntry: c.isDynamicEntry,
    loadedByHtml: loadedByHtml.includes(c.fileName),
    // The <script> or <link> tag index.html loads it with, attributes and all; null when it does not.
    htmlTag: htmlTags.get(c.fileName) ?? null,
    modules: Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [id, m.renderedExports]))
  }));
process.stdout.write(JSON.stringify(chunks));
