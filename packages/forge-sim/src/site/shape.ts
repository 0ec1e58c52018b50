import type { Product } from '@usage-reporting/core/api';

/**
 * The numbers a simulated site answers with, derived from (product, size) by a seeded generator:
 * the same size always gives the same site, and nothing here grows with the size, so a 50,000-project
 * site costs what a 10-project site costs.
 */
export interface SiteShape {
  product: Product;
  /** Projects (Jira) or spaces (Confluence). */
  size: number;
  issues: number;
  /** Issues created in the last 30 days. */
  issuesCreatedLast30Days: number;
  issueTypes: number;
  customFields: number;
  systemFields: number;
  workflows: number;
  pages: number;
  blogposts: number;
  /** Share of Jira projects that are team-managed (next-gen), 0..1. */
  teamManagedShare: number;
  /** Share of Confluence spaces that are personal, 0..1. */
  personalSpaceShare: number;
  /** The seed itself, for per-item variation (project type of project #i) without storing items. */
  seed: number;
}

export const MIN_SITE_SIZE = 1;
export const MAX_SITE_SIZE = 1_000_000;

export function siteShape(product: Product, size: number): SiteShape {
  if (!Number.isInteger(size) || size < MIN_SITE_SIZE || size > MAX_SITE_SIZE) {
    throw new RangeError(`site size must be an integer from ${MIN_SITE_SIZE} to ${MAX_SITE_SIZE}, got ${size}`);
  }
  const seed = hashString(`${product}:${size}`);
  const rnd = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const issues = size * between(20, 400);
  const pages = size * between(10, 200);
  return {
    product,
    size,
    issues,
    issuesCreatedLast30Days: Math.floor(issues * between(2, 12) / 100),
    issueTypes: between(5, 12) + Math.min(40, Math.floor(Math.log2(size + 1) * 2)),
    customFields: between(10, 40) + Math.floor(Math.sqrt(size) * between(2, 6)),
    systemFields: 58,
    workflows: between(2, 6) + Math.floor(size / between(2, 4)),
    pages,
    blogposts: Math.floor(pages * between(1, 8) / 100),
    teamManagedShare: between(0, 60) / 100,
    personalSpaceShare: between(10, 50) / 100,
    seed
  };
}

/** A stable pseudo-random fraction for item `index` of a kind, so item #i looks the same on every page. */
export function itemFraction(shape: SiteShape, kind: string, index: number): number {
  return seededRandom(hashString(`${shape.seed}:${kind}:${index}`))();
}

function hashString(s: string): number {
  // FNV-1a: tiny, stable across Node versions, good enough to spread seeds.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded generator, so a simulated site (and a bench run's data) is the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
