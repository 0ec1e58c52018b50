import { loadAdminPage as load } from '../engine/admin-page.js';
import type { ResolverHandler } from './define.js';

/** The first screen in one call; it also builds and freezes the preview the page shows. */
export const loadAdminPage: ResolverHandler<'loadAdminPage'> = {
  run: (_input, caller, deps) => load(deps, caller)
};
