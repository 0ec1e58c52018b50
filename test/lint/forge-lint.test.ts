import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

// Runs scripts/forge-lint.mjs, the same step `npm test` runs, in a child process: @forge/lint reads
// tsconfig.json and manifest.yml from the working directory and the spec paths from the environment,
// neither of which a jest worker should change for its neighbours.
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/forge-lint.mjs');
const fixture = path.join(__dirname, 'fixtures/undeclared-scope');
const referenceApp = path.join(root, 'apps/reference');

const summarySchema = z.object({
  filesFound: z.number(),
  filesParsed: z.number(),
  files: z.array(z.string()),
  unparsed: z.array(z.string()),
  errors: z.number(),
  warnings: z.number(),
  messages: z.array(z.object({ level: z.enum(['error', 'warning']), file: z.string(), line: z.number(), message: z.string() }))
});

async function forgeLint(appDir: string, ...flags: string[]): Promise<{ exitCode: number; summary: z.infer<typeof summarySchema> }> {
  const run = await promisify(execFile)(process.execPath, [script, appDir, ...flags, '--json'], { cwd: root }).then(
    ({ stdout }) => ({ exitCode: 0, stdout }),
    (error: { code?: number; stdout?: string }) => ({ exitCode: error.code ?? -1, stdout: error.stdout ?? '' })
  );
  return { exitCode: run.exitCode, summary: summarySchema.parse(JSON.parse(run.stdout)) };
}

// Each run compiles Forge's manifest schema a few times over: about 15 s on one core.
const LINT_TIMEOUT = 120_000;

describe("Atlassian's linter (@forge/lint, client-side, pinned product specs)", () => {
  test(
    'parses every file of the reference app and of the toolkit sources it bundles, and finds no error',
    async () => {
      // The manifest linter checks that each resource path exists, so the UI must be built (npm test does it first).
      if (!existsSync(path.join(referenceApp, 'static/admin/dist/index.html'))) {
        throw new Error('apps/reference/static/admin/dist/index.html is missing: run `npm run build:ui` before this suite (npm test does it).');
      }
      const { exitCode, summary } = await forgeLint(referenceApp, '--with-toolkit-sources');
      expect(summary.messages.filter((m) => m.level === 'error')).toEqual([]);
      // The app's src/ and the sources of core and forge, which its functions bundle; not admin-ui, which the Custom UI bundles.
      expect(summary.unparsed).toEqual([]);
      expect(summary.filesParsed).toBe(summary.filesFound);
      expect(summary.files).toEqual(expect.arrayContaining(['src/index.ts', 'packages/core/src/index.ts', 'packages/forge/src/index.ts']));
      expect(summary.files.filter((file) => file.startsWith('packages/admin-ui/'))).toEqual([]);
      expect(exitCode).toBe(0);
    },
    LINT_TIMEOUT
  );

  test(
    'refuses an app that edits an issue without declaring write:jira-work',
    async () => {
      const { exitCode, summary } = await forgeLint(fixture);
      expect(summary.filesParsed).toBe(1);
      expect(summary.errors).toBe(1);
      expect(summary.messages).toEqual([
        expect.objectContaining({
          level: 'error',
          file: 'src/index.ts',
          message: 'Jira endpoint: PUT /rest/api/3/issue/{issueIdOrKey} requires "write:jira-work" scope'
        })
      ]);
      expect(exitCode).toBe(1);
    },
    LINT_TIMEOUT
  );
});
