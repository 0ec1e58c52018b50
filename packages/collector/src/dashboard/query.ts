import { z } from 'zod';
import type { Catalog } from '@usage-reporting/core';
import { formatField, populationField } from '../aggregate/fold-day.js';
import { addDays, daysBetween } from './days.js';

/**
 * The dashboard's query string. Without `metric` it is the index; with one, that metric's page over
 * `from`..`to`. A page never spans more than `maxDays`: that bound is what keeps one load's query and
 * render short at any table size, so it is enforced here and not left to the link builder.
 */
export const defaultDays = 90;
export const maxDays = 731;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00.000Z`).toISOString().slice(0, 10) === s, 'is not a calendar day');

export const dashboardQuerySchema = z.strictObject({
  metric: z.string().min(1).max(200).optional(),
  from: day.optional(),
  to: day.optional(),
  /** `csv`: the metric's published cells as a CSV download instead of the page. */
  format: z.enum(['html', 'csv']).optional()
});

export type DashboardView = { kind: 'index' } | { kind: 'metric'; field: string; fromDay: string; toDay: string; format: 'html' | 'csv' };
export type ViewResult = { ok: true; view: DashboardView } | { ok: false; message: string };

/** The fields a metric page can show: the catalog's, plus the report format and the adoption count. */
export const dashboardFields = (catalog: Catalog): string[] => [populationField, formatField, ...catalog.entries.map((e) => e.key)];

/**
 * Turns the raw query into a view. `lastDay` is the newest aggregated day (today when none is held),
 * which a missing `to` defaults to, so the default page shows data rather than an empty tail.
 */
export function resolveView(query: unknown, catalog: Catalog, lastDay: string): ViewResult {
  const parsed = dashboardQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
    return { ok: false, message: `Bad dashboard query: ${issues.join('; ')}.` };
  }
  const { metric, from, to, format } = parsed.data;
  if (metric === undefined) {
    if (from !== undefined || to !== undefined) return { ok: false, message: 'Bad dashboard query: from and to apply to a metric page; add metric=<key>.' };
    if (format === 'csv') return { ok: false, message: 'Bad dashboard query: format=csv exports one metric; add metric=<key>.' };
    return { ok: true, view: { kind: 'index' } };
  }
  // The key is not echoed: it is request input, and the list of valid ones is on the index page.
  if (!dashboardFields(catalog).includes(metric)) return { ok: false, message: 'Bad dashboard query: metric is not a field of the catalog; the index page lists them.' };
  const toDay = to ?? (from !== undefined ? minDay(addDays(from, defaultDays - 1), lastDay, from) : lastDay);
  const fromDay = from ?? addDays(toDay, -(defaultDays - 1));
  if (fromDay > toDay) return { ok: false, message: 'Bad dashboard query: from is after to.' };
  if (daysBetween(fromDay, toDay) > maxDays) return { ok: false, message: `Bad dashboard query: a page spans at most ${maxDays} days; narrow from..to.` };
  return { ok: true, view: { kind: 'metric', field: metric, fromDay, toDay, format: format ?? 'html' } };
}

/** The earlier of a and b, but never before `floor`. */
const minDay = (a: string, b: string, floor: string): string => {
  const m = a < b ? a : b;
  return m < floor ? floor : m;
};
