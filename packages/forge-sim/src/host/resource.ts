import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files of a Custom UI resource, served as Forge's CDN serves them: from the resource folder only,
 * and index.html with Forge's bridge script placed ahead of the app's own scripts.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
};

export interface ResourceFile {
  body: Buffer;
  contentType: string;
  isDocument: boolean;
}

/** Reads `relativePath` inside `resourceDir`; undefined for anything outside it or missing. */
export async function readResourceFile(resourceDir: string, relativePath: string): Promise<ResourceFile | undefined> {
  const wanted = relativePath === '' || relativePath.endsWith('/') ? `${relativePath}index.html` : relativePath;
  const root = path.resolve(resourceDir);
  const file = path.resolve(root, decodeURIComponent(wanted));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const ext = path.extname(file).toLowerCase();
  return { body: await readFile(file), contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', isDocument: ext === '.html' };
}

/**
 * Puts the bridge script first in <head>, before any script of the app, so `window.__bridge`
 * exists when @forge/bridge's modules load. The script is a same-origin file: Forge's CSP
 * admits no inline script.
 */
export function injectBridgeScript(html: string, hostOrigin: string): string {
  const tag = `<script src="/__forge/bridge.js" data-host-origin="${hostOrigin.replace(/"/g, '&quot;')}"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const firstScript = html.search(/<script/i);
  return firstScript >= 0 ? html.slice(0, firstScript) + tag + html.slice(firstScript) : tag + html;
}
