import { esc, palette } from './svg.js';

/**
 * The page shell every dashboard view shares. No script and nothing fetched: the route's CSP
 * (`default-src 'none'`) allows inline style only, and links are the only navigation.
 */
export function pageShell(args: { title: string; body: string; generatedAt: Date }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(args.title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;color:#172b4d;max-width:860px;margin:24px auto;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px}h3{font-size:15px;margin-bottom:2px}small{color:#626f86;font-weight:normal}
a{color:#0c66e4}nav a{margin-right:10px}nav strong{margin-right:10px}
.legend span{display:inline-block;margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
table{border-collapse:collapse;margin:6px 0 18px}td,th{border:1px solid #dcdfe4;padding:2px 8px;text-align:left;vertical-align:top}caption{text-align:left;color:#626f86}
</style></head><body>
${args.body}
<p><small>Generated ${esc(args.generatedAt.toISOString())}.</small></p>
</body></html>`;
}

export function legend(names: readonly string[]): string {
  return `<p class="legend">${names.map((n, i) => `<span><i style="background:${palette[i % palette.length]}"></i>${esc(n)}</span>`).join('')}</p>`;
}

/** A link to a metric page; the whole href is escaped, so `&` between parameters becomes `&amp;`. */
export function metricHref(field: string, range?: { fromDay: string; toDay: string }, format?: 'csv'): string {
  const params = new URLSearchParams({ metric: field, ...(range ? { from: range.fromDay, to: range.toDay } : {}), ...(format ? { format } : {}) });
  return esc(`/dashboard?${params.toString()}`);
}

/** An aggregate value is JSON text (true, 3, "cloud"); people read it without the quotes. */
export const valueLabel = (value: string): string => String(JSON.parse(value));

export const kSentence = (k: number): string =>
  `Daily aggregates only: counts of installations per field and value. No aggregate holds an installation id, and any cell with fewer than ${k} installations is suppressed (grey in the bars), together with whatever would let it be worked out.`;
