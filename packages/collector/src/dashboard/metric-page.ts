import type { Catalog } from '@usage-reporting/core';
import { allPurposes, type Purpose } from '@usage-reporting/core';
import { formatField, populationField } from '../aggregate/fold-day.js';
import type { AggregateCell } from '../store/store.js';
import { binDays, binMean, type Bin, type DaySeries } from './bins.js';
import { addDays, daysBetween, rangeOfDays } from './days.js';
import { kSentence, legend, metricHref, pageShell, valueLabel } from './layout.js';
import { esc, lineChart, stackedShareChart } from './svg.js';

export interface MetricData {
  field: string;
  fromDay: string;
  toDay: string;
  span: { firstDay: string; lastDay: string } | null;
  /** The field's cells in the range, every purpose, ordered by day. */
  cells: readonly AggregateCell[];
  /** The population cells in the range: the denominator of every share. */
  population: readonly AggregateCell[];
  catalog: Catalog;
  k: number;
  generatedAt: Date;
}

const periods = [
  { label: 'last 30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
  { label: '2 years', days: 730 }
];

/** One field over one range of days: a chart per purpose that holds it, and its newest day as a table. */
export function renderMetric(data: MetricData): string {
  const { field, fromDay, toDay, span } = data;
  const days = rangeOfDays(fromDay, toDay);
  const index = new Map(days.map((d, i) => [d, i]));
  const bins = binDays(days);
  const populationOf = (purpose: Purpose): DaySeries => seriesOf(data.population.filter((c) => c.purpose === purpose), index, days.length);
  const description =
    field === populationField ? 'Installations reporting per day, by purpose.' : field === formatField ? 'Report format versions in use.' : (data.catalog.byKey.get(field)?.description ?? '');

  let charts: string;
  if (field === populationField) {
    charts =
      lineChart(
        'Installations reporting per day, by purpose',
        bins.map((b) => b.label),
        allPurposes.map((p) => {
          const series = populationOf(p);
          return { name: p, values: bins.map((b) => binMean(b, series) ?? null) };
        })
      ) + legend(allPurposes);
  } else {
    const purposes = allPurposes.filter((p) => data.cells.some((c) => c.purpose === p));
    charts =
      purposes.length === 0
        ? '<p>Nothing published for this field in this period.</p>'
        : purposes.map((p) => purposeSection(data, p, { days, index, bins, population: populationOf(p) })).join('\n');
  }

  const length = daysBetween(fromDay, toDay);
  const nav = periods.map((p) => {
    const end = span?.lastDay ?? toDay;
    const range = { fromDay: addDays(end, -(p.days - 1)), toDay: end };
    const current = range.fromDay === fromDay && range.toDay === toDay;
    return current ? `<strong>${esc(p.label)}</strong>` : `<a href="${metricHref(field, range)}">${esc(p.label)}</a>`;
  });
  // Earlier/later step by the page's own length, so paging keeps the chosen period size.
  const earlier = span && fromDay > span.firstDay ? `<a href="${metricHref(field, { fromDay: addDays(fromDay, -length), toDay: addDays(fromDay, -1) })}">← earlier ${length} days</a>` : '';
  const later = span && toDay < span.lastDay ? `<a href="${metricHref(field, { fromDay: addDays(toDay, 1), toDay: addDays(toDay, length) })}">later ${length} days →</a>` : '';
  const weekly = bins.length < days.length ? '; each bar or point is the mean of a week, labelled by its first day' : '';

  return pageShell({
    title: `${field}: Usage Reporting dashboard`,
    generatedAt: data.generatedAt,
    body: `<p><a href="/dashboard">← All fields</a></p>
<h1><code>${esc(field)}</code></h1>
<p>${esc(description)}</p>
<nav>${nav.join('')}</nav>
<p><small>${esc(fromDay)} to ${esc(toDay)} (${length} days${weekly}). ${esc(kSentence(data.k))}</small>
<a href="${metricHref(field, { fromDay, toDay }, 'csv')}" download>Download these cells as CSV</a></p>
${charts}
<nav>${earlier}${later}</nav>`
  });
}

/** The cells' installations by day index; a day without a cell has none (suppressed or not reported). */
function seriesOf(cells: readonly AggregateCell[], index: ReadonlyMap<string, number>, length: number): Array<number | undefined> {
  const out = new Array<number | undefined>(length).fill(undefined);
  for (const c of cells) {
    const i = index.get(c.day);
    if (i !== undefined) out[i] = c.installations;
  }
  return out;
}

interface Axis {
  days: readonly string[];
  index: ReadonlyMap<string, number>;
  bins: readonly Bin[];
  population: DaySeries;
}

function purposeSection(data: MetricData, purpose: Purpose, axis: Axis): string {
  const mine = data.cells.filter((c) => c.purpose === purpose);
  const values = [...new Set(mine.map((c) => c.value))].sort();
  const byValue = new Map(values.map((v) => [v, seriesOf(mine.filter((c) => c.value === v), axis.index, axis.days.length)]));
  // A suppressed value counts as 0 on a day with a published population, and not at all on a day without one.
  const shown = new Map(
    [...byValue].map(([v, series]) => [v, series.map((n, i) => (axis.population[i] === undefined ? undefined : (n ?? 0)))] as const)
  );
  const binAt = new Map(axis.bins.map((b) => [b.label, b]));
  const mean = (label: string, series: DaySeries | undefined) => {
    const bin = binAt.get(label);
    return bin === undefined || series === undefined ? 0 : (binMean(bin, series) ?? 0);
  };
  const chart = stackedShareChart(
    `${data.field}: share of installations per value`,
    axis.bins.map((b) => b.label),
    values,
    (label, v) => mean(label, shown.get(v)),
    (label) => mean(label, axis.population)
  );
  // Cells come ordered by day, so the last one is on the newest day with anything published.
  const newest = mine.at(-1)?.day ?? '';
  const population = axis.population[axis.index.get(newest) ?? -1];
  const rows = mine
    .filter((c) => c.day === newest)
    .sort((a, b) => b.installations - a.installations)
    .map((c) => `<tr><td>${esc(valueLabel(c.value))}</td><td>${c.installations}</td></tr>`);
  return (
    `<section><h2><small>${esc(purpose)}</small></h2>${chart}${legend(values.map(valueLabel))}` +
    `<table><caption>Installations on ${esc(newest)}${population === undefined ? '' : `, of ${population} reporting`}</caption>` +
    `<tr><th>Value</th><th>Installations</th></tr>${rows.join('')}</table></section>`
  );
}
