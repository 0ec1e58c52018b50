/**
 * Server-rendered inline SVG charts: no script, no CDN, nothing the browser fetches. Every piece of
 * text passes through `esc`, although aggregates hold only catalog keys and catalog values.
 */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const palette = ['#0c66e4', '#1f845a', '#e56910', '#ae2e24', '#6e5dc6', '#227d9b', '#946f00', '#c9372c', '#50253f', '#626f86'];

const W = 720;
const H = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

function dayAxis(days: readonly string[], x: (i: number) => number): string {
  if (days.length === 0) return '';
  const picks = days.length <= 2 ? days.map((_, i) => i) : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  // The outer labels are anchored inwards so the first and last day are never cut off at the edges.
  const anchor = (i: number) => (days.length > 1 && i === 0 ? 'start' : days.length > 1 && i === days.length - 1 ? 'end' : 'middle');
  return picks
    .map((i) => `<text x="${x(i).toFixed(1)}" y="${H - 8}" font-size="11" text-anchor="${anchor(i)}" fill="#44546f">${esc(days[i] ?? '')}</text>`)
    .join('');
}

/** One line per series over the days; y from 0 to the largest value. */
export function lineChart(title: string, days: readonly string[], series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>): string {
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (days.length <= 1 ? innerW / 2 : (i * innerW) / (days.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const lines = series
    .map((s, si) => {
      const pts = s.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter((p): p is string => p !== null);
      const color = palette[si % palette.length];
      return `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"/>` +
        pts.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" fill="${color}"/>`).join('');
    })
    .join('');
  return `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(title)}</title>` +
    `<line x1="${PAD.left}" y1="${PAD.top + innerH}" x2="${W - PAD.right}" y2="${PAD.top + innerH}" stroke="#8590a2"/>` +
    `<text x="${PAD.left - 6}" y="${PAD.top + 10}" font-size="11" text-anchor="end" fill="#44546f">${max}</text>` +
    `<text x="${PAD.left - 6}" y="${PAD.top + innerH}" font-size="11" text-anchor="end" fill="#44546f">0</text>` +
    lines + dayAxis(days, x) + '</svg>';
}

/**
 * One bar per day, stacked by value as a share of the day's population. The part of a bar left
 * grey is the share suppressed (cells under k) or not reported.
 */
export function stackedShareChart(
  title: string,
  days: readonly string[],
  values: readonly string[],
  cell: (day: string, value: string) => number,
  population: (day: string) => number
): string {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, days.length);
  const barW = Math.max(1, slot * 0.8);
  const x = (i: number) => PAD.left + i * slot + slot / 2;
  const bars = days
    .map((day, i) => {
      const pop = population(day);
      if (pop <= 0) return '';
      let top = PAD.top + innerH;
      const left = (x(i) - barW / 2).toFixed(1);
      const segs = values.map((v, vi) => {
        const n = cell(day, v);
        if (n <= 0) return '';
        const h = (n / pop) * innerH;
        top -= h;
        return `<rect x="${left}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${palette[vi % palette.length]}"><title>${esc(`${day} ${v}: ${n} of ${pop}`)}</title></rect>`;
      });
      return `<rect x="${left}" y="${PAD.top}" width="${barW.toFixed(1)}" height="${innerH}" fill="#dcdfe4"/>` + segs.join('');
    })
    .join('');
  return `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(title)}</title>` +
    `<text x="${PAD.left - 6}" y="${PAD.top + 10}" font-size="11" text-anchor="end" fill="#44546f">100%</text>` +
    `<text x="${PAD.left - 6}" y="${PAD.top + innerH}" font-size="11" text-anchor="end" fill="#44546f">0%</text>` +
    bars + dayAxis(days, x) + '</svg>';
}
