import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * docs/GUIDE.md as an app. A fenced block right after `<!-- guide-file: PATH -->` is that file of the
 * example app, verbatim; one after `<!-- guide-output: NAME -->` is text the guide says a program prints.
 */
export const GUIDE_PATH = path.resolve(__dirname, '../../docs/GUIDE.md');
const FIXTURE_APP = path.join(__dirname, 'fixtures', 'checklists-app');

export interface Guide {
  files: Map<string, string>;
  outputs: Map<string, string>;
  /** The language of every fenced block the guide does not mark, in order. */
  unmarkedLanguages: string[];
}

const FENCE = /^```([a-z]*)\n([\s\S]*?)^```$/gm;
const MARKER = /<!-- guide-(file|output): (\S+) -->\n$/;

export function readGuide(markdown = readFileSync(GUIDE_PATH, 'utf8')): Guide {
  const guide: Guide = { files: new Map(), outputs: new Map(), unmarkedLanguages: [] };
  for (const match of markdown.matchAll(FENCE)) {
    const [, language = '', body = ''] = match;
    const marker = MARKER.exec(markdown.slice(0, match.index));
    if (!marker) {
      guide.unmarkedLanguages.push(language);
      continue;
    }
    const [, kind, name = ''] = marker;
    const target = kind === 'file' ? guide.files : guide.outputs;
    if (target.has(name)) throw new Error(`docs/GUIDE.md marks two blocks as ${kind} ${name}`);
    // The fence's closing line is not part of the block; the file ends with a newline, as an editor saves it.
    target.set(name, body);
  }
  return guide;
}

/**
 * Writes the example app: the fixture (the app as it was before the guide) and the guide's files over it.
 *
 * The directory is inside this repository, beside this file, not in the OS temp directory: the files
 * import @forge/*, zod and react by name, which Node's resolution (jest's too) finds only by walking up
 * to the repository's node_modules. @usage-reporting/* resolve to the packages' sources by jest's
 * moduleNameMapper and tsconfig.json's paths, as in every suite here. The name starts with a dot,
 * which tsc's include globs skip; .gitignore here keeps it out of git.
 */
export function writeGuideApp(guide: Guide): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(__dirname, '.tmp-app-'));
  cpSync(FIXTURE_APP, dir, { recursive: true });
  for (const [file, text] of guide.files) {
    const target = path.join(dir, file);
    if (!target.startsWith(dir + path.sep)) throw new Error(`docs/GUIDE.md names a file outside the app: ${file}`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
