import { getHistoryEntry as load } from '../engine/history.js';
import type { ResolverHandler } from './define.js';

/** One report's exact bytes, with the previous sent report's bytes for the diff. */
export const getHistoryEntry: ResolverHandler<'getHistoryEntry'> = {
  run: (input) => load(input.reportId)
};
