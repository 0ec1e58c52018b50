import { join } from 'node:path';
import { parseBenchArgs } from './lib/args';
import { formatJson, formatReadable } from './lib/format';
import { goalLine } from './lib/goals';
import { discoverSections, loadSection, runSections, sectionName } from './lib/sections';
import { divertStdoutToStderr } from './lib/stdout-guard';

/**
 * `npm run bench`: imports every bench/sections/*.ts, runs each in turn, and prints their figures.
 * `--json` prints one JSON object merging every section's keys and nothing else on stdout;
 * progress, failures and goal checks go to stderr. Any failed section makes the exit code 1.
 * npm itself prints a "> bench" banner on stdout before the script runs; for a stdout that is only
 * the JSON, use `npm run --silent bench -- --json` (or `npx tsx bench/main.ts --json`).
 */
async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`bench: ${parsed.message}\n`);
    return 2;
  }
  const { args } = parsed;
  const dir = args.sectionsDir ?? join(__dirname, 'sections');
  let files = discoverSections(dir);
  if (args.only) {
    const unknown = args.only.filter((name) => !files.some((f) => sectionName(f) === name));
    if (unknown.length > 0) {
      process.stderr.write(`bench: no section named ${unknown.join(', ')} in ${dir}\n`);
      return 2;
    }
    files = files.filter((f) => args.only?.includes(sectionName(f)));
  }

  const restore = args.json ? divertStdoutToStderr() : () => undefined;
  let outcome;
  try {
    const sections = [];
    for (const file of files) sections.push(await loadSection(file));
    outcome = await runSections(sections, { quick: args.quick, progress: (line) => process.stderr.write(`${line}\n`) });
  } finally {
    restore();
  }
  // The JSON holds figures only; with --json the goals they were held to go to stderr, with the progress.
  if (args.json) for (const section of outcome.sections) for (const goal of section.goals) process.stderr.write(`${section.name}: ${goalLine(goal)}\n`);
  process.stdout.write(args.json ? formatJson(outcome) : formatReadable(outcome));
  return outcome.failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
);
