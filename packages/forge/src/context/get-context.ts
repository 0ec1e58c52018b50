import { ok } from '@usage-reporting/core/api';
import type { ResolverHandler } from '../resolvers/define.js';

/**
 * Tells the page which product it is in, whether the viewer administers it and which app version
 * runs. The only resolver that answers non-admins: they see an explanation, not an error.
 */
export const getContext: ResolverHandler<'getContext'> = {
  answersNonAdmins: true,
  async run(_input, caller) {
    return ok({ product: caller.product, isAdmin: caller.isAdmin, appVersion: caller.appVersion });
  }
};
