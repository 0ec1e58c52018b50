import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * How a request replayed from a hand-over file (hand-over.ts) is told from one sent directly. A file
 * is signed when the admin downloads it and reaches the collector hours or weeks later, so its
 * signature may be as old as `windowMs`, where a direct request gets five minutes. Only the collector
 * itself can claim that: its replay carries a header with `token`, a random value made when the app
 * is built and never sent, logged or stored anywhere, so a request from outside cannot ask for the
 * longer window by naming it.
 */
export const handOverHeader = 'ur-hand-over';
export const defaultHandOverDays = 30;

export interface HandOverPolicy {
  token: string;
  windowMs: number;
}

export function isHandOverReplay(request: Pick<FastifyRequest, 'headers'>, policy: HandOverPolicy): boolean {
  const presented = request.headers[handOverHeader];
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(policy.token);
  return a.length === b.length && timingSafeEqual(a, b);
}
