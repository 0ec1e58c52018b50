import { ok } from '@usage-reporting/core/api';
import { preview as buildPreview, toPreviewOutput } from '../engine/preview.js';
import type { ResolverHandler } from './define.js';

/** A fresh frozen draft: the exact bytes a per-case send of it would transmit, and their digest. */
export const preview: ResolverHandler<'preview'> = {
  async run(_input, caller, deps) {
    const draft = await buildPreview(deps, caller.product);
    return draft.ok ? ok(toPreviewOutput(draft.data)) : draft;
  }
};
