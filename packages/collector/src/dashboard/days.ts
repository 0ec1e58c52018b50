/** UTC day arithmetic on YYYY-MM-DD strings, which sort and compare as the days they name. */
const dayMs = 24 * 60 * 60 * 1000;

export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * dayMs).toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / dayMs) + 1;

/** Every day from `from` to `to` inclusive: a chart's axis has no gaps where nothing was published. */
export function rangeOfDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
