import type { Catalog } from '@usage-reporting/core';
import { allPurposes } from '@usage-reporting/core';
import { formatField, populationField } from '../aggregate/fold-day.js';
import type { AggregateCell } from '../store/store.js';
import { kSentence, legend, metricHref, pageShell, valueLabel } from './layout.js';
import { addDays, rangeOfDays } from './days.js';
import { esc, lineChart } from './svg.js';

/** How many days of adoption the index charts; longer views are one link away. */
export const indexAdoptionDays = 90;

export interface IndexData {
  span: { firstDay: string; lastDay: string } | null;
  /** Every cell of `span.lastDay`. */
  latest: readonly AggregateCell[];
  /** The population cells of the last `indexAdoptionDays` days up to `span.lastDay`. */
  adoption: readonly AggregateCell[];
  catalog: Catalog;
  k: number;
  generatedAt: Date;
}

/**
 * The index: recent adoption and every field's distribution on the newest day, each linking to its
 * own page. Its size follows the catalog, not the years of aggregates held.
 */
export function renderIndex(data: IndexData): string {
  const { span, catalog } = data;
  const adoptionFrom = span ? addDays(span.lastDay, -(indexAdoptionDays - 1)) : '';
  const days = span ? rangeOfDays(adoptionFrom, span.lastDay) : [];
  const pop = new Map(data.adoption.map((c) => [`${c.purpose}|${c.day}`, c.installations]));
  const adoption =
    lineChart(
      `Installations reporting per day, by purpose, last ${indexAdoptionDays} days`,
      days,
      allPurposes.map((p) => ({ name: p, values: days.map((d) => pop.get(`${p}|${d}`) ?? null) }))
    ) + legend(allPurposes);

  const latestBy = new Map<string, AggregateCell[]>();
  for (const c of data.latest) latestBy.set(`${c.purpose}|${c.field}`, [...(latestBy.get(`${c.purpose}|${c.field}`) ?? []), c]);
  const fieldsOf = (purpose: string) => [
    ...(purpose === 'product-improvement' ? [{ key: formatField, description: 'Report format versions in use.' }] : []),
    ...catalog.entries.filter((e) => e.purpose === purpose).map((e) => ({ key: e.key, description: e.description }))
  ];
  const tables = allPurposes.map((purpose) => {
    const population = latestBy.get(`${purpose}|${populationField}`)?.[0]?.installations;
    const rows = fieldsOf(purpose).map(({ key, description }) => {
      const cells = [...(latestBy.get(`${purpose}|${key}`) ?? [])].sort((a, b) => b.installations - a.installations);
      const summary = cells.length === 0 ? '<small>nothing published</small>' : cells.map((c) => `${esc(valueLabel(c.value))}: ${c.installations}`).join(', ');
      return `<tr><td><a href="${metricHref(key)}"><code>${esc(key)}</code></a></td><td>${esc(description)}</td><td>${summary}</td></tr>`;
    });
    return (
      `<h3>${esc(purpose)} <small>${population === undefined ? 'no published population' : `${population} installations`}${span ? ` on ${esc(span.lastDay)}` : ''}</small></h3>` +
      `<table><tr><th>Field</th><th>What it says</th><th>Installations per value${span ? ` on ${esc(span.lastDay)}` : ''}</th></tr>${rows.join('')}</table>`
    );
  });

  const held = span
    ? `Aggregates held from ${esc(span.firstDay)} to ${esc(span.lastDay)}.`
    : 'No aggregates yet: the retention job folds raw reports into daily aggregates when it runs.';
  return pageShell({
    title: 'Usage Reporting: what the vendor learns',
    generatedAt: data.generatedAt,
    body: `<h1>Usage Reporting: what the vendor learns</h1>
<p>${esc(kSentence(data.k))}</p>
<p><small>${held}</small></p>
<h2>Adoption</h2>${adoption}<p><a href="${metricHref(populationField)}">Adoption over other periods</a></p>
<h2>Fields</h2>
<p>Each field's distribution on the newest day. Open a field for its distribution over time.</p>
${tables.join('\n')}`
  });
}
