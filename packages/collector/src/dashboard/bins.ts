/**
 * A long range is drawn one bar per week, not per day: 731 daily bars are thinner than a pixel at the
 * chart's width, and their markup alone made a two-year page a megabyte. A bin's figure is the mean
 * over its days that have one, so a week with a missing day is not drawn low.
 */
export const maxDailyBars = 92;
const week = 7;

export interface Bin {
  /** The bin's first day: the axis label and tooltip. */
  label: string;
  /** Indexes into the page's day list: `start` inclusive, `end` exclusive. */
  start: number;
  end: number;
}

export function binDays(days: readonly string[]): Bin[] {
  const size = days.length <= maxDailyBars ? 1 : week;
  const bins: Bin[] = [];
  for (let i = 0; i < days.length; i += size) bins.push({ label: days[i] ?? '', start: i, end: Math.min(days.length, i + size) });
  return bins;
}

/**
 * A figure per day of the page, by day index; the renderers index arrays rather than build string
 * keys, which kept a two-year render under a few milliseconds.
 */
export type DaySeries = ReadonlyArray<number | undefined>;

/** The rounded mean of the series over the bin's days that have a value; undefined when none has. */
export function binMean(bin: Bin, series: DaySeries): number | undefined {
  let sum = 0;
  let n = 0;
  for (let i = bin.start; i < bin.end; i++) {
    const v = series[i];
    if (v === undefined) continue;
    sum += v;
    n++;
  }
  return n === 0 ? undefined : Math.round(sum / n);
}
