import type { Product } from '@usage-reporting/core/api';
import type { SimHttpResponse } from '../runtime/ports.js';
import type { SiteShape } from './shape.js';
import type { SiteUsers } from './users.js';

/** Everything a route needs to answer one request; routes keep no state of their own. */
export interface RouteContext {
  query: URLSearchParams;
  body: unknown;
  /** The user the call runs as, or undefined when it runs as the app. */
  accountId: string | undefined;
  shape: SiteShape;
  users: SiteUsers;
  /** Whether an account was closed (personal-data.ts): the user endpoints answer for a former user. */
  isClosed(accountId: string): boolean;
  siteUrl: string;
}

export interface SiteRoute {
  product: Product;
  method: 'GET' | 'POST';
  /** Exact path without query string. */
  path: string;
  handle(ctx: RouteContext): SimHttpResponse;
}

/** Reads a non-negative integer query parameter with a default and a ceiling, as the REST APIs do. */
export function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return fallback;
  return Math.min(n, max);
}

/** Indices [start, end) of one page over `total` items. */
export function pageRange(total: number, startAt: number, maxResults: number): { start: number; end: number } {
  const start = Math.min(startAt, total);
  return { start, end: Math.min(total, start + maxResults) };
}

export function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
