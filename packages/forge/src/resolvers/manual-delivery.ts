import { acceptCollectorAnswer as accept } from '../manual/accept-answer.js';
import { getVendorExport as kept } from '../manual/delivery-view.js';
import { downloadHandOver as download } from '../manual/download-hand-over.js';
import { handOverReport as handOver } from '../manual/hand-over-report.js';
import { prepareRightsRequest as prepare } from '../manual/rights-request.js';
import type { ResolverHandler } from './define.js';

/** Manual delivery: files the admin hands to the vendor, and the vendor's signed answers brought back. */

export const handOverReport: ResolverHandler<'handOverReport'> = {
  run: (input, caller, deps) => handOver(deps, input, caller.accountId)
};

export const downloadHandOver: ResolverHandler<'downloadHandOver'> = {
  run: (input, _caller, deps) => download(deps, input.reportId)
};

export const prepareRightsRequest: ResolverHandler<'prepareRightsRequest'> = {
  run: (input, caller, deps) => prepare(deps, input, caller.accountId)
};

export const acceptCollectorAnswer: ResolverHandler<'acceptCollectorAnswer'> = {
  run: (input, _caller, deps) => accept(deps, input.text)
};

export const getVendorExport: ResolverHandler<'getVendorExport'> = {
  run: () => kept()
};
