/**
 * The unit of a figure, read from its key's suffix, so a section only returns numbers and the
 * names stay the single source of what they measure.
 */
const suffixes: ReadonlyArray<readonly [RegExp, string]> = [
  [/_per_s(_|$)/, '/s'],
  [/_ms(_|$)/, 'ms'],
  [/_s(_|$)/, 's'],
  [/_bytes(_|$)/, 'bytes'],
  [/_kib(_|$)/, 'KiB'],
  [/_mib(_|$)/, 'MiB'],
  [/_pct(_|$)/, '%'],
  [/_rows(_|$)/, 'rows'],
  [/_vs_bare(_|$)/, '× bare']
];

export function unitOf(key: string): string {
  // The first suffix in the key names the unit: `collector_p99_ms_1m_rows` is milliseconds measured at 1m rows.
  let best: { at: number; unit: string } | null = null;
  for (const [pattern, unit] of suffixes) {
    const match = pattern.exec(key);
    if (match && (best === null || match.index < best.at)) best = { at: match.index, unit };
  }
  return best?.unit ?? '';
}
