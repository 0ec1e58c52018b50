import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Goal, GoalResult } from './goals';

/** What every bench/sections/*.ts exports. */
export type SectionRun = (options: { quick: boolean }) => Promise<Record<string, number>>;

export interface Section {
  name: string;
  run: SectionRun;
  /** Targets the section's figures are held to (a section module may export `goals`). */
  goals?: readonly Goal[];
}

/**
 * Thrown by a section that measured part of what it set out to and could not do the rest (a missing
 * server, say): the figures it has are kept and printed, and the section still counts as failed.
 */
export class PartialFigures extends Error {
  constructor(
    readonly figures: Record<string, number>,
    reason: string
  ) {
    super(reason);
    this.name = 'PartialFigures';
  }
}

export interface SectionOutcome {
  name: string;
  ok: boolean;
  figures: Record<string, number>;
  error?: string;
  seconds: number;
  goals: GoalResult[];
}

export interface BenchOutcome {
  sections: SectionOutcome[];
  /** Every section's figures in one object; a key two sections both return is an error, not an overwrite. */
  merged: Record<string, number>;
  failed: string[];
}

const figuresSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'figure keys are snake_case'), z.number().refine(Number.isFinite, 'a figure must be a finite number'));
const moduleSchema = z.object({
  run: z.custom<SectionRun>((v) => typeof v === 'function', 'exports no run function'),
  goals: z.array(z.custom<Goal>((v) => typeof v === 'function', 'a goal is a function of the figures')).optional()
});

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
    if (!parsed.success) return { name, error: `${name} exports no run({ quick }) function, or goals that are not functions` };
    return { name, run: parsed.data.run, ...(parsed.data.goals ? { goals: parsed.data.goals } : {}) };
  } catch (err) {
    return { name, error: `could not load: ${describeError(err)}` };
  }
}

/**
 * Runs the sections one after another (each measures the machine; running them together would
 * measure their contention). A section that throws, or returns something that is not figures,
 * is recorded as failed and the others still run; one that throws PartialFigures is failed too,
 * and the figures it did measure are kept. Goals are checked against whatever figures were kept.
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
      outcomes.push({ name: section.name, ok: false, figures: {}, error: section.error, seconds: 0, goals: [] });
      continue;
    }
    options.progress(`bench: ${section.name}${options.quick ? ' (quick)' : ''}…`);
    const started = performance.now();
    let returned: unknown;
    let failure: string | undefined;
    try {
      returned = await section.run({ quick: options.quick });
    } catch (err) {
      if (err instanceof PartialFigures) returned = err.figures;
      failure = err instanceof PartialFigures ? err.message : describeError(err);
    }
    const seconds = (performance.now() - started) / 1000;
    let figures: Record<string, number> = {};
    if (returned !== undefined) {
      const parsed = figuresSchema.safeParse(returned);
      const clash = parsed.success ? Object.keys(parsed.data).find((k) => owner.has(k)) : undefined;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        failure ??= `returned invalid figures: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown'}`;
      } else if (clash !== undefined) {
        figures = parsed.data;
        failure ??= `returned '${clash}', which ${owner.get(clash) ?? '?'} already returned`;
      } else {
        figures = parsed.data;
        for (const [k, v] of Object.entries(figures)) {
          merged[k] = v;
          owner.set(k, section.name);
        }
      }
    }
    const goals = (section.goals ?? []).map((goal) => goal(figures));
    const outcome: SectionOutcome = { name: section.name, ok: failure === undefined, figures, seconds, goals, ...(failure === undefined ? {} : { error: failure }) };
    options.progress(outcome.ok ? `bench: ${section.name} done in ${seconds.toFixed(1)} s` : `bench: ${section.name} failed: ${failure ?? ''}`);
    outcomes.push(outcome);
  }
  return { sections: outcomes, merged, failed: outcomes.filter((o) => !o.ok).map((o) => o.name) };
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}
