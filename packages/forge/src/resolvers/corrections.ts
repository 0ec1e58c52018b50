import { previewCorrection as buildCorrection } from '../corrections/preview-correction.js';
import { retractReport as retract } from '../corrections/retract.js';
import { sendCorrection as send } from '../engine/send.js';
import type { ResolverHandler } from './define.js';

/** The right to correct: replace a report that left with a fresh one for its period, or retract it. */

export const previewCorrection: ResolverHandler<'previewCorrection'> = {
  run: (input, caller, deps) => buildCorrection(deps, caller.product, input.reportId)
};

export const sendCorrection: ResolverHandler<'sendCorrection'> = {
  run: (input, caller, deps) => send(deps, input, caller.accountId)
};

export const retractReport: ResolverHandler<'retractReport'> = {
  run: (input, caller, deps) => retract(deps, input.reportId, caller.accountId)
};
