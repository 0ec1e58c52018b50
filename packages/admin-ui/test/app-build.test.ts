import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * What this repository's apps ship of the page (their vite.config.ts: vite/preact-compat.ts and
 * vite/forge-bridge.ts), read from the build's chunks. The byte figures are the bench's
 * (`npm run bench -- --only ui`); this checks where the bytes went, so a change that quietly undoes
 * a cut fails here with the module that came back.
 */
type Chunk = { fileName: string; isEntry: boolean; isDynamicEntry: boolean; loadedByHtml: boolean; htmlTag: string | null; modules: Record<string, string[]> };

const repo = path.resolve(__dirname, '../../..');
const apps = ['apps/reference/static/admin/vite.config.ts', 'apps/sso-config/static/admin/vite.config.ts'];
const moduleIds = (chunks: readonly Chunk[]) => chunks.flatMap((c) => Object.keys(c.modules));
const named = (ending: string) => (id: string) => id.replace(/\\/g, '/').endsWith(ending);

describe.each(apps)('the admin UI built by %s', (config) => {
  let chunks: Chunk[] = [];

  beforeAll(() => {
    const run = spawnSync(process.execPath, [path.join(__dirname, 'app-build/chunks.mjs'), path.join(repo, config)], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`vite could not build ${config} (exit ${run.status ?? run.signal}):\n${run.stderr}`);
    chunks = JSON.parse(run.stdout) as Chunk[];
  }, 180_000);

  it('runs on preact/compat, with no module of React or react-dom', () => {
    const ids = moduleIds(chunks);
    expect(ids.filter((id) => /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id))).toEqual([]);
    expect(ids.some(named('preact/compat/dist/compat.mjs'))).toBe(true);
  });

  it('has English in what index.html loads, and German and Japanese each in a chunk of its own that only its admins fetch', () => {
    const loaded = chunks.filter((c) => c.loadedByHtml);
    expect(moduleIds(loaded).filter(named('/i18n/messages/en.ts'))).toHaveLength(1);
    for (const language of ['de', 'ja']) {
      const holding = chunks.filter((c) => Object.keys(c.modules).some(named(`/i18n/messages/${language}.ts`)));
      expect(holding.map((c) => ({ dynamic: c.isDynamicEntry, entry: c.isEntry, loadedByHtml: c.loadedByHtml }))).toEqual([
        { dynamic: true, entry: false, loadedByHtml: false }
      ]);
    }
  });

  it('leaves out the built-in metric catalog, which the page never reads', () => {
    expect(moduleIds(chunks).filter(named('/catalog/metrics.ts'))).toEqual([]);
  });

  it("gives the bridge's files only the tslib helpers they name", () => {
    const tslib = chunks.flatMap((c) => Object.entries(c.modules)).filter(([id]) => named('tslib/tslib.es6.mjs')(id));
    const rendered = tslib.flatMap(([, exports]) => exports);
    // __createBinding is __importStar's own helper; tslib's forty others (__awaiter, __extends, …) stay out.
    expect(rendered.filter((name) => !['__exportStar', '__importStar', '__importDefault', '__createBinding'].includes(name))).toEqual([]);
    expect(rendered).toContain('__exportStar');
  });
});

describe('the reference app\'s entry (apps/reference/static/admin/src/main.tsx)', () => {
  let chunks: Chunk[] = [];

  beforeAll(() => {
    const config = path.join(repo, 'apps/reference/static/admin/vite.config.ts');
    const run = spawnSync(process.execPath, [path.join(__dirname, 'app-build/chunks.mjs'), config], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`vite could not build the reference app (exit ${run.status ?? run.signal}):\n${run.stderr}`);
    chunks = JSON.parse(run.stdout) as Chunk[];
  }, 180_000);

  // Chromium sends the calls to the host only when the task evaluating the entry ends: a schema or
  // component in the entry would hold them back by as long as it takes to evaluate.
  it('starts the first screen\'s calls from an entry with nothing else of the page in it', () => {
    const entry = chunks.find((c) => c.isEntry);
    const ids = Object.keys(entry?.modules ?? {});
    expect(ids.filter(named('/src/first-screen.ts'))).toHaveLength(1);
    expect(ids.filter((id) => /[\\/]node_modules[\\/](zod|preact)[\\/]/.test(id) || /[\\/]packages[\\/]core[\\/]/.test(id))).toEqual([]);
  });

  it('has index.html preload the page the entry imports, so it is fetched alongside the entry', () => {
    const page = chunks.filter((c) => c.isDynamicEntry && moduleIds([c]).some(named('/src/UsageReportingAdminPage.tsx')));
    expect(page.map((c) => c.loadedByHtml)).toEqual([true]);
  });

  // The calls leave when the entry runs: nothing the page needs only later may hold it back.
  it('runs the entry as soon as it arrives, and fetches the page it preloads after the entry and the stylesheet', () => {
    const entry = chunks.find((c) => c.isEntry);
    expect(entry?.htmlTag).toMatch(/^<script\b(?=[^>]*\basync\b)(?=[^>]*\btype="module")/);
    const page = chunks.filter((c) => c.isDynamicEntry && c.loadedByHtml);
    expect(page.map((c) => c.htmlTag)).toEqual([expect.stringMatching(/^<link\b(?=[^>]*\brel="modulepreload")(?=[^>]*\bfetchpriority="low")/)]);
  });
});
