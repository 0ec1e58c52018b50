import '../install-globals.js';
import path from 'node:path';
import { APP_DIR, parseRunnerArgs, USAGE } from './options.js';
import { loadManifest } from '../manifest/load.js';
import { startLocalRunner } from './runner.js';

/**
 * `npm start` (through scripts/start.mjs, which builds the UI first). Prints the URL; with
 * RUNNER_READY_LINE=1 also a RUNNER_READY line with the addresses as JSON, which the Playwright
 * fixture waits for.
 */
async function main(): Promise<void> {
  const parsed = parseRunnerArgs(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  if ('help' in parsed) {
    console.log(USAGE);
    return;
  }
  const { options } = parsed;
  const log = (line: string) => console.log(line);
  const runner = await startLocalRunner(options, log);
  const shownDataDir = path.relative(APP_DIR, runner.dataDir) || runner.dataDir;

  console.log(
    [
      '',
      `Local Forge runner: ${appTitle(options.manifestPath)}`,
      `  Admin page:  ${runner.url}`,
      ...(runner.collectorUrl
        ? [
            runner.analyticsOrigin
              ? `  Collector:   ${runner.collectorUrl} (standing in for ${runner.analyticsOrigin})`
              : `  Collector:   ${runner.collectorUrl} (manual delivery: the app has no egress; hand reports over at ${runner.collectorUrl}/upload)`,
            `  Dashboard:   ${runner.dashboardUrl}`
          ]
        : ['  Collector:   none']),
      `  Data:        ${shownDataDir.startsWith('..') ? runner.dataDir : shownDataDir}${options.memory ? ' (KVS in memory)' : ''}   start clean with: npm start -- --reset`,
      '  Press Ctrl-C to stop.',
      ''
    ].join('\n')
  );
  // For programs driving the runner (the Playwright fixture, src/playwright/runner-process.ts), not for people.
  if (process.env.RUNNER_READY_LINE === '1') console.log(`RUNNER_READY ${JSON.stringify({ url: runner.url, collectorUrl: runner.collectorUrl })}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log('Forced stop.');
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    runner.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (isErrno(error) && error.code === 'EADDRINUSE') {
    console.error(`Port ${'port' in error ? String(error.port) : ''} is already in use. Stop what uses it, or pick another: PORT=4000 npm start (or npm start -- --port 4000).`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

/** The app's name as its admin page is titled, so the banner says which app runs (`npm start -- --app …`). */
function appTitle(manifestPath: string): string {
  const { modules } = loadManifest(manifestPath).raw;
  const page = modules['jira:adminPage'][0] ?? modules['confluence:globalSettings'][0];
  return page?.title ?? path.basename(path.dirname(manifestPath));
}
