import { roundFigure } from './stats';

/**
 * A target a section's figures are held to, printed next to them. A goal only reads figures the run
 * measured: a missing figure is "not measured", never a pass, and nothing here knows a result.
 */
export type GoalStatus = 'pass' | 'miss' | 'not measured';

export interface GoalResult {
  goal: string;
  status: GoalStatus;
  /** What the run measured, in the goal's terms. */
  measured: string;
}

export type Goal = (figures: Readonly<Record<string, number>>) => GoalResult;

const shown = (value: number) => roundFigure(value).toLocaleString('en-US');

/** `figures[key] >= min`. */
export const atLeast =
  (goal: string, key: string, min: number, unit = ''): Goal =>
  (figures) => {
    const value = figures[key];
    if (value === undefined) return { goal, status: 'not measured', measured: `no ${key}` };
    return { goal, status: value >= min ? 'pass' : 'miss', measured: `${key} = ${shown(value)}${unit}` };
  };

/** `figures[key] <= max`. */
export const atMost =
  (goal: string, key: string, max: number, unit = ''): Goal =>
  (figures) => {
    const value = figures[key];
    if (value === undefined) return { goal, status: 'not measured', measured: `no ${key}` };
    return { goal, status: value <= max ? 'pass' : 'miss', measured: `${key} = ${shown(value)}${unit}` };
  };

/** `figures[numerator] / figures[denominator] >= min`, for a ratio the section does not return itself. */
export const ratioAtLeast =
  (goal: string, numerator: string, denominator: string, min: number): Goal =>
  (figures) => {
    const top = figures[numerator];
    const bottom = figures[denominator];
    if (top === undefined || bottom === undefined || !(bottom > 0)) return { goal, status: 'not measured', measured: `no ${top === undefined ? numerator : denominator}` };
    const ratio = top / bottom;
    return { goal, status: ratio >= min ? 'pass' : 'miss', measured: `${numerator} / ${denominator} = ${roundFigure(ratio)}` };
  };

export const goalLine = (g: GoalResult): string => `goal: ${g.goal}: ${g.status === 'miss' ? 'MISS' : g.status} (${g.measured})`;
