import { fail, ok } from '@usage-reporting/core/api';
import { actionEntry } from '@usage-reporting/core';
import { meter } from '../engine/meter.js';
import { requestVendorDeletion as requestDeletion } from '../rights/request-deletion.js';
import { eraseSiteData } from '../rights/site-erase.js';
import { exportSiteData } from '../rights/site-export.js';
import { requestVendorExport as fetchVendorExport } from '../rights/vendor-export.js';
import { readVendorRestriction, requestVendorRestriction } from '../rights/vendor-restriction.js';
import { appendLedger, loadConsent } from '../store/repositories.js';
import type { ResolverHandler } from './define.js';

/** Data rights: what the app keeps on the site (export, erase) and what the vendor holds (export, delete, restrict). */

export const exportData: ResolverHandler<'exportData'> = {
  async run(_input, _caller, deps) {
    const now = deps.now();
    const result = await exportSiteData(now);
    // After the export, so the document shows the site as it was when the admin asked.
    if (result.ok) await meter('data.exported', now);
    return result;
  }
};

export const eraseData: ResolverHandler<'eraseData'> = {
  run: (_input, _caller, deps) => eraseSiteData(deps.now())
};

export const requestVendorExport: ResolverHandler<'requestVendorExport'> = {
  async run(_input, caller, deps) {
    const result = await fetchVendorExport(deps);
    // Recorded only once the vendor answered: a failed attempt exported nothing.
    if (result.ok) await appendLedger([actionEntry(await loadConsent(), 'request-vendor-export', [], { accountId: caller.accountId, now: deps.now() })]);
    return result;
  }
};

export const requestVendorDeletion: ResolverHandler<'requestVendorDeletion'> = {
  run: (_input, caller, deps) => requestDeletion(deps, caller.accountId)
};

export const restrictVendorProcessing: ResolverHandler<'restrictVendorProcessing'> = {
  async run(input, caller, deps) {
    if (deps.delivery.mode === 'manual') return fail('CONFLICT', 'This app reaches the vendor by hand-over files: make a restriction request file instead.');
    const before = (await readVendorRestriction())?.restrictedPurposes ?? [];
    const change = { path: 'vendor.restrictedPurposes', from: [...before].sort(), to: [...input.restrictedPurposes].sort() };
    await appendLedger([actionEntry(await loadConsent(), 'restrict-vendor-processing', [change], { accountId: caller.accountId, now: deps.now() })]);
    return ok({ vendorRestriction: await requestVendorRestriction(deps, input.restrictedPurposes) });
  }
};
