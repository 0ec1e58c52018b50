import type { Catalog } from '../../shared/catalog/catalog';
import type { CollectorStore } from '../store/store';
import type { RateLimiter } from './rate-limit';

/** What every route handler gets: the store port, the clock, the catalog and the limits. No globals. */
export interface CollectorContext {
  store: CollectorStore;
  now: () => Date;
  catalog: Catalog;
  k: number;
  retentionDays: number;
  ingestLimiter: RateLimiter;
  rightsLimiter: RateLimiter;
}

/** The body as the JSON content-type parser left it: the exact text received, or '' when there was none. */
export const rawBody = (body: unknown): string => (typeof body === 'string' ? body : '');

export const isJsonContentType = (header: string | undefined): boolean =>
  header !== undefined && header.split(';')[0]?.trim().toLowerCase() === 'application/json';
