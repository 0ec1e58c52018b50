/**
 * Defense in depth behind the catalog's types: before any preview or send, every string in the
 * report (keys and values, at every depth) is scanned for things that identify a person or a site.
 * A hit names the place it was found and the kind of thing, never the value itself.
 */
export type PrivacyHitKind =
  | 'site-host'
  | 'email'
  | 'url'
  | 'hostname'
  | 'ipv4'
  | 'ipv6'
  | 'account-id'
  | 'uuid'
  | 'jwt'
  | 'token';

export interface PrivacyHit {
  path: string;
  kind: PrivacyHitKind;
}

export interface GuardOptions {
  /** The site's own hosts (e.g. acme.atlassian.net); any string containing one is blocked. */
  siteHosts: readonly string[];
  /** Exact strings known to be safe: the installation and report ids, catalog keys. */
  allowed: ReadonlySet<string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const detectors: ReadonlyArray<readonly [PrivacyHitKind, RegExp]> = [
  ['email', /[^\s@]+@[^\s@]+\.[^\s@]+/],
  ['url', /\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i],
  ['ipv4', /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d])/],
  ['jwt', /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/],
  // Current (557058:uuid), legacy (24 hex digits) and app-user (qm:...) Atlassian account id shapes.
  ['account-id', /\b\d{6}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|(?<![0-9a-f])[0-9a-f]{24}(?![0-9a-f])|\bqm:[0-9a-f-]{8,}/i],
  ['hostname', /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?![\w-])/i]
];

export function scanForPersonalData(value: unknown, options: GuardOptions): PrivacyHit[] {
  const hits: PrivacyHit[] = [];
  walk(value, '$', options, hits);
  return hits;
}

export function describeHits(hits: readonly PrivacyHit[]): string {
  const listed = hits.map((h) => `${h.path} (looks like ${h.kind})`).join(', ');
  return `The privacy guard blocked this report; nothing was shown or sent. Offending fields: ${listed}.`;
}

function walk(value: unknown, path: string, options: GuardOptions, hits: PrivacyHit[]): void {
  if (typeof value === 'string') {
    const kind = classify(value, options);
    if (kind) hits.push({ path, kind });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, options, hits));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const childPath = `${path}[${JSON.stringify(k)}]`;
      const keyKind = classify(k, options);
      if (keyKind) hits.push({ path: `${childPath} (key)`, kind: keyKind });
      walk(v, childPath, options, hits);
    }
  }
}

export function classify(text: string, options: GuardOptions): PrivacyHitKind | undefined {
  if (options.allowed.has(text)) return undefined;
  const lower = text.toLowerCase();
  if (options.siteHosts.some((h) => h.length > 0 && lower.includes(h.toLowerCase()))) return 'site-host';
  for (const [kind, re] of detectors) if (re.test(text)) return kind;
  if (looksLikeIpv6(text)) return 'ipv6';
  for (const m of text.matchAll(UUID)) if (!options.allowed.has(m[0].toLowerCase()) && !options.allowed.has(m[0])) return 'uuid';
  if (hasHighEntropyToken(text)) return 'token';
  return undefined;
}

function looksLikeIpv6(text: string): boolean {
  for (const m of text.matchAll(/(?<![0-9a-z:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-z:])/gi)) {
    const candidate = m[0];
    const colons = candidate.split(':').length - 1;
    // Full form has 7 colons; the compressed form needs '::'. A clock time like 05:00:00 has neither.
    if (colons === 7 || (candidate.includes('::') && /[0-9a-f]/i.test(candidate)) || candidate === '::') return true;
  }
  return false;
}

/** API tokens, secrets, keys: long runs mixing letters and digits with high per-character entropy. */
function hasHighEntropyToken(text: string): boolean {
  for (const m of text.matchAll(/[A-Za-z0-9_\-+/=]{16,}/g)) {
    const run = m[0];
    if (!/[0-9]/.test(run) || !/[A-Za-z]/.test(run)) continue;
    if (shannonBitsPerChar(run) >= 3 || run.length >= 40) return true;
  }
  return false;
}

function shannonBitsPerChar(s: string): number {
  const freq = new Map<string, number>();
  for (const ch of s) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of freq.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
