import type { Catalog } from '@usage-reporting/core';
import type { CollectorAnswerSigner } from '@usage-reporting/core/node';
import type { DeletionLog } from '../deletion-log/log-file.js';
import type { CollectorStore } from '../store/store.js';
import type { HandOverPolicy } from './hand-over-policy.js';
import type { RateLimiter } from './rate-limit.js';

/** What every route handler gets: the store port, the clock, the catalog and the limits. No globals. */
export interface CollectorContext {
  store: CollectorStore;
  now: () => Date;
  catalog: Catalog;
  k: number;
  retentionDays: number;
  /** Per verified installation: charged only after a signature verified and its key speaks for the id. */
  ingestLimiter: RateLimiter;
  rightsLimiter: RateLimiter;
  /** Per source address, for requests that failed authentication (authenticate.ts refuseUnauthenticated). */
  unauthenticatedLimiter: RateLimiter;
  /** The collector's own key: signs every receipt and acknowledgement (receipts/answers.ts). */
  answerSigner: CollectorAnswerSigner;
  /** Requests replayed from hand-over files: how they are recognised and how old their signature may be. */
  handOver: HandOverPolicy;
  /** Where acknowledged deletions, retractions and restriction changes are recorded outside the database (deletion-log/log-file.ts); null: not recorded. */
  deletionLog: DeletionLog | null;
}

/** The body as the JSON content-type parser left it: the exact text received, or '' when there was none. */
export const rawBody = (body: unknown): string => (typeof body === 'string' ? body : '');

export const isJsonContentType = (header: string | undefined): boolean =>
  header !== undefined && header.split(';')[0]?.trim().toLowerCase() === 'application/json';
