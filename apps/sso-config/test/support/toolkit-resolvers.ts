import { resolverFunctionKey, type ResolverName } from '@usage-reporting/core/api';

/** The function key the toolkit's resolver `name` has on the app's Resolver: `usageReporting.<name>`. */
export const toolkitFunctionKey = (name: ResolverName): string => resolverFunctionKey(name);
