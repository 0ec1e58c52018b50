import type { ResolverName } from '../../shared/api/resolvers';
import { getContext } from '../context/get-context';
import type { ResolverHandler } from './define';

/**
 * One handler per contract entry. A contract entry without a handler (or a handler without an entry)
 * fails the type check here, so the page can never call a resolver the backend does not define.
 */
export type ResolverRegistry = { [N in ResolverName]: ResolverHandler<N> };

export const resolverRegistry: ResolverRegistry = {
  getContext
};

/** Every registered resolver name, for the entry point and for tests that enumerate them all. */
export const registeredResolverNames = Object.keys(resolverRegistry) as ResolverName[];
