import { previewCorrection as buildCorrection } from '../corrections/preview-correction';
import { retractReport as retract } from '../corrections/retract';
import { productionDeps } from '../engine/deps';
import { sendCorrection as send } from '../engine/send';
import type { ResolverHandler } from './define';

/** The right to correct: replace a report that left with a fresh one for its period, or retract it. */

export const previewCorrection: ResolverHandler<'previewCorrection'> = {
  run: (input, caller) => buildCorrection(productionDeps(), caller.product, input.reportId)
};

export const sendCorrection: ResolverHandler<'sendCorrection'> = {
  run: (input, caller) => send(productionDeps(), input, caller.accountId)
};

export const retractReport: ResolverHandler<'retractReport'> = {
  run: (input, caller) => retract(productionDeps(), input.reportId, caller.accountId)
};
