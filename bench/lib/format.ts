import { goalLine } from './goals';
import type { BenchOutcome } from './sections';
import { roundFigure } from './stats';
import { unitOf } from './units';

/** The human-readable report: one block per section, one aligned line per figure (name, value, unit), then its goals. */
export function formatReadable(outcome: BenchOutcome): string {
  const lines: string[] = [];
  const width = Math.max(10, ...outcome.sections.flatMap((s) => Object.keys(s.figures).map((k) => k.length)));
  for (const section of outcome.sections) {
    lines.push(`${section.name}${section.ok ? ` (${section.seconds.toFixed(1)} s)` : ' FAILED'}`);
    if (!section.ok) lines.push(`  ${(section.error ?? '').split('\n')[0] ?? ''}`);
    for (const [key, value] of Object.entries(section.figures)) {
      lines.push(`  ${key.padEnd(width)}  ${String(roundFigure(value)).padStart(12)}  ${unitOf(key)}`.trimEnd());
    }
    for (const goal of section.goals) lines.push(`  ${goalLine(goal)}`);
  }
  if (outcome.failed.length > 0) lines.push(`\n${outcome.failed.length} section(s) failed: ${outcome.failed.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The machine-readable report: exactly one JSON object, the merged figures. */
export const formatJson = (outcome: BenchOutcome): string =>
  `${JSON.stringify(Object.fromEntries(Object.entries(outcome.merged).map(([k, v]) => [k, roundFigure(v)])))}\n`;
