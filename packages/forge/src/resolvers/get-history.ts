import { ok } from '@usage-reporting/core/api';
import { getHistory as load } from '../engine/history.js';
import type { ResolverHandler } from './define.js';

/** Every report that left (or was queued to), most recent first, and how many retention purged. */
export const getHistory: ResolverHandler<'getHistory'> = {
  run: async () => ok(await load())
};
