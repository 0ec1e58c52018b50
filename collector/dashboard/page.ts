import type { Catalog } from '../../shared/catalog/catalog';
import { allPurposes } from '../../shared/catalog/vocabulary';
import { formatField, populationField } from '../aggregate/fold-day';
import type { AggregateCell } from '../store/store';
import { esc, lineChart, palette, stackedShareChart } from './svg';

/**
 * The vendor's read-only dashboard, built from the aggregates alone: what the vendor actually learns.
 * Raw reports are never read here.
 */
export function renderDashboard(cells: readonly AggregateCell[], catalog: Catalog, k: number, generatedAt: Date): string {
  const days = [...new Set(cells.map((c) => c.day))].sort();
  const pop = new Map<string, number>();
  for (const c of cells) if (c.field === populationField) pop.set(`${c.purpose}|${c.day}`, c.installations);

  const adoption = lineChart(
    'Installations reporting per day, by purpose',
    days,
    allPurposes.map((p) => ({ name: p, values: days.map((d) => pop.get(`${p}|${d}`) ?? null) }))
  );
  const adoptionLegend = legend(allPurposes.map((p) => p));

  const sections: string[] = [];
  for (const purpose of allPurposes) {
    const fields = [...new Set(cells.filter((c) => c.purpose === purpose && c.field !== populationField).map((c) => c.field))].sort((a, b) =>
      a === formatField ? -1 : b === formatField ? 1 : a.localeCompare(b)
    );
    for (const field of fields) {
      const mine = cells.filter((c) => c.purpose === purpose && c.field === field);
      const values = [...new Set(mine.map((c) => c.value))].sort();
      const at = new Map(mine.map((c) => [`${c.day}|${c.value}`, c.installations]));
      const label = (v: string) => String(JSON.parse(v));
      const description = field === formatField ? 'Report format versions in use.' : (catalog.byKey.get(field)?.description ?? '');
      const chart = stackedShareChart(
        `${field}: share of installations per value`,
        days,
        values,
        (d, v) => at.get(`${d}|${v}`) ?? 0,
        (d) => pop.get(`${purpose}|${d}`) ?? 0
      );
      const latestDay = [...mine.map((c) => c.day)].sort().at(-1) ?? '';
      const latest = values
        .map((v) => [v, at.get(`${latestDay}|${v}`)] as const)
        .filter((e): e is readonly [string, number] => e[1] !== undefined)
        .map(([v, n]) => `<td>${esc(label(v))}</td><td>${n}</td>`);
      sections.push(
        `<section><h3><code>${esc(field)}</code> <small>${esc(purpose)}</small></h3><p>${esc(description)}</p>${chart}${legend(values.map(label))}` +
          `<table><caption>Installations on ${esc(latestDay)}</caption><tr><th>Value</th><th>Installations</th></tr>${latest.map((r) => `<tr>${r}</tr>`).join('')}</table></section>`
      );
    }
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Usage Reporting: what the vendor learns</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;color:#172b4d;max-width:820px;margin:24px auto;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px}h3{font-size:15px;margin-bottom:2px}small{color:#626f86;font-weight:normal}
.legend span{display:inline-block;margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
table{border-collapse:collapse;margin:6px 0 18px}td,th{border:1px solid #dcdfe4;padding:2px 8px;text-align:left}caption{text-align:left;color:#626f86}
</style></head><body>
<h1>Usage Reporting: what the vendor learns</h1>
<p>Daily aggregates only: counts of installations per field and value. Raw reports are deleted after the retention period; no aggregate holds an installation id, and any cell with fewer than ${k} installations is suppressed (grey in the bars), together with whatever would let it be worked out.</p>
<p><small>${cells.length === 0 ? 'No aggregates yet: the retention job folds raw reports into daily aggregates when it runs.' : `${days.length} day(s), ${days[0]} to ${days.at(-1)}.`} Generated ${esc(generatedAt.toISOString())}.</small></p>
<h2>Adoption</h2>${adoption}${adoptionLegend}
<h2>Field distributions over time</h2>
${sections.join('\n')}
</body></html>`;
}

function legend(names: readonly string[]): string {
  return `<p class="legend">${names.map((n, i) => `<span><i style="background:${palette[i % palette.length]}"></i>${esc(n)}</span>`).join('')}</p>`;
}
