import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

/** What every bench/sections/*.ts exports. */
export type SectionRun = (options: { quick: boolean }) => Promise<Record<string, number>>;

export interface Section {
  name: string;
  run: SectionRun;
}

export interface SectionOutcome {
  name: string;
  ok: boolean;
  figures: Record<string, number>;
  error?: string;
  seconds: number;
}

export interface BenchOutcome {
  sections: SectionOutcome[];
  /** Every section's figures in one object; a key two sections both return is an error, not an overwrite. */
  merged: Record<string, number>;
  failed: string[];
}

const figuresSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'figure keys are snake_case'), z.number().refine(Number.isFinite, 'a figure must be a finite number'));
const moduleSchema = z.object({ run: z.custom<SectionRun>((v) => typeof v === 'function', 'exports no run function') });

/** The section files in `dir`, sorted so the run order (and the output) is stable. */
export function discoverSections(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => resolve(join(dir, f)));
}

export const sectionName = (file: string): string => basename(file).replace(/\.ts$/, '');

/** Imports one section file; a file that does not export `run` is reported as that section's failure. */
export async function loadSection(file: string): Promise<Section | { name: string; error: string }> {
  const name = sectionName(file);
  try {
    const parsed = moduleSchema.safeParse(await import(pathToFileURL(file).href));
    if (!parsed.success) return { name, error: `${name} exports no run({ quick }) function` };
    return { name, run: parsed.data.run };
  } catch (err) {
    return { name, error: `could not load: ${describeError(err)}` };
  }
}

/**
 * Runs the sections one after another (each measures the machine; running them together would
 * measure their contention). A section that throws, or returns something that is not figures,
 * is recorded as failed and the others still run.
 */
export async function runSections(
  sections: ReadonlyArray<Section | { name: string; error: string }>,
  options: { quick: boolean; progress: (line: string) => void }
): Promise<BenchOutcome> {
  const outcomes: SectionOutcome[] = [];
  const merged: Record<string, number> = {};
  const owner = new Map<string, string>();
  for (const section of sections) {
    if (!('run' in section)) {
      options.progress(`bench: ${section.name} failed: ${section.error}`);
      outcomes.push({ name: section.name, ok: false, figures: {}, error: section.error, seconds: 0 });
      continue;
    }
    options.progress(`bench: ${section.name}${options.quick ? ' (quick)' : ''}…`);
    const started = performance.now();
    let outcome: SectionOutcome;
    try {
      const parsed = figuresSchema.safeParse(await section.run({ quick: options.quick }));
      const seconds = (performance.now() - started) / 1000;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        outcome = { name: section.name, ok: false, figures: {}, error: `returned invalid figures: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}`, seconds };
      } else {
        const clash = Object.keys(parsed.data).find((k) => owner.has(k));
        outcome = clash
          ? { name: section.name, ok: false, figures: parsed.data, error: `returned '${clash}', which ${owner.get(clash) ?? '?'} already returned`, seconds }
          : { name: section.name, ok: true, figures: parsed.data, seconds };
      }
    } catch (err) {
      outcome = { name: section.name, ok: false, figures: {}, error: describeError(err), seconds: (performance.now() - started) / 1000 };
    }
    if (outcome.ok) {
      for (const [k, v] of Object.entries(outcome.figures)) {
        merged[k] = v;
        owner.set(k, section.name);
      }
      options.progress(`bench: ${section.name} done in ${outcome.seconds.toFixed(1)} s`);
    } else {
      options.progress(`bench: ${section.name} failed: ${outcome.error ?? ''}`);
    }
    outcomes.push(outcome);
  }
  return { sections: outcomes, merged, failed: outcomes.filter((o) => !o.ok).map((o) => o.name) };
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}
