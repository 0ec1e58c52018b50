import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The package as it is published (npm run build: dist/ and dist/resource/), consumed the two ways a
 * vendor consumes it: bundled by the vendor's own Vite or webpack build, and as the prebuilt Custom
 * UI resource a manifest points at. Nothing here reads the package's sources.
 */
const pkgDir = path.join(__dirname, '..');
const vendorApp = path.join(__dirname, 'vendor-app');
const resourceDir = path.join(pkgDir, 'dist/resource');
const outRoot = mkdtempSync(path.join(os.tmpdir(), 'admin-ui-vendor-'));

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(pkgDir, 'scripts/build.mjs'), '--if-stale'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The package did not build (exit ${build.status ?? build.signal}):\n${build.stdout}${build.stderr}`);
  // What `npm install @usage-reporting/admin-ui` leaves in the vendor's app: the package in node_modules.
  const installed = path.join(vendorApp, 'node_modules/@usage-reporting/admin-ui');
  rmSync(path.join(vendorApp, 'node_modules'), { recursive: true, force: true });
  mkdirSync(path.dirname(installed), { recursive: true });
  symlinkSync(pkgDir, installed, 'dir');
}, 180_000);

afterAll(() => {
  rmSync(path.join(vendorApp, 'node_modules'), { recursive: true, force: true });
  rmSync(outRoot, { recursive: true, force: true });
});

/** Every file under dir, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

const read = (dir: string, ext: string) =>
  filesUnder(dir)
    .filter((file) => file.endsWith(ext))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));

// `Function(` is not looked for: both bundles carry guarded probes that never run in Forge's frame
// (zod's, skipped under jitless; webpack's fallback for a missing globalThis). The browser suite's
// CSP check (e2e/csp-violations.spec.ts) watches the running page for those.
const jsFacts = (js: string) => ({
  wholePage: js.includes('What this app would share, and why') && js.includes('The report that would be sent now'),
  evalCall: /(?<![\w$.])eval\(/.test(js),
  // The package marks zod-jitless as a side effect: tree-shaken away, zod would probe with `new Function`.
  zodJitless: /jitless:\s*(?:!0|true)/.test(js)
});

/** What the CSS carries, said briefly (minifiers drop quotes; a failure should not print 50 kB). */
const cssFacts = (css: string) => ({
  darkTheme: /\[data-color-mode="?dark"?\]/.test(css),
  surfaceToken: css.includes('--ds-surface:'),
  pageStyles: /\.page\s*\{/.test(css)
});

/** What Forge's CSP refuses in a document: inline scripts, inline handlers, inline styles; and absolute asset URLs. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) if (!/\ssrc=/.test(tag)) problems.push(`inline script: ${tag}`);
  if (/<style\b/.test(html)) problems.push('a <style> element');
  for (const [attr] of html.matchAll(/\s(on[a-z]+|style)=["'][^"']*["']/g)) problems.push(`inline attribute: ${attr.trim()}`);
  for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) if (!url?.startsWith('./')) problems.push(`not a relative URL: ${url}`);
  return problems;
}

describe.each(['vite', 'webpack'])("a vendor's %s build of the package", (bundler) => {
  const out = path.join(outRoot, bundler);

  beforeAll(() => {
    mkdirSync(out, { recursive: true });
    const run = spawnSync(process.execPath, [path.join(vendorApp, 'bundle.mjs'), bundler, out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${bundler} could not build the vendor app (exit ${run.status ?? run.signal}):\n${run.stderr}`);
  }, 180_000);

  it("takes the package from its published build through its exports, never from its sources", () => {
    const modules = JSON.parse(readFileSync(path.join(out, 'modules.json'), 'utf8')) as string[];
    const fromPackage = modules.filter((id) => id.startsWith(`${pkgDir}/`));
    expect(fromPackage).toEqual(expect.arrayContaining([path.join(pkgDir, 'dist/index.js'), path.join(pkgDir, 'dist/styles.css'), path.join(pkgDir, 'dist/tokens.css')]));
    expect(fromPackage.filter((id) => !id.startsWith(path.join(pkgDir, 'dist/')) && !id.startsWith(vendorApp))).toEqual([]);
  });

  it('contains the whole page, evaluates no string, and ships the token themes and the styles as CSS', () => {
    expect(jsFacts(read(out, '.js').join('\n'))).toEqual({ wholePage: true, evalCall: false, zodJitless: true });
    expect(cssFacts(read(out, '.css').join('\n'))).toEqual({ darkTheme: true, surfaceToken: true, pageStyles: true });
  });

  it("writes no document Forge's CSP would refuse", () => {
    const documents = read(out, '.html');
    // Vite builds the vendor's index.html; webpack, configured as plainly as here, writes JS and CSS only.
    expect(documents).toHaveLength(bundler === 'vite' ? 1 : 0);
    expect(documents.flatMap(htmlProblems)).toEqual([]);
  });
});

describe('the prebuilt Custom UI resource (dist/resource)', () => {
  it('is a document with only relative assets and no inline script, style or handler', () => {
    const html = readFileSync(path.join(resourceDir, 'index.html'), 'utf8');
    expect(htmlProblems(html)).toEqual([]);
    const assets = [...html.matchAll(/\s(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    expect(assets.filter((a) => !existsSync(path.join(resourceDir, a)))).toEqual([]);
  });

  it('contains the whole page, evaluates no string, and carries the token themes', () => {
    expect(jsFacts(read(resourceDir, '.js').join('\n'))).toEqual({ wholePage: true, evalCall: false, zodJitless: true });
    expect(cssFacts(read(resourceDir, '.css').join('\n'))).toEqual({ darkTheme: true, surfaceToken: true, pageStyles: true });
  });

  it('is in the package: a manifest resource path into node_modules finds it', () => {
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('dist');
    expect(filesUnder(resourceDir).every((file) => file === 'index.html' || file.startsWith('assets/'))).toBe(true);
  });
});
