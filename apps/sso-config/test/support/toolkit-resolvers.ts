import type { ResolverName } from '@usage-reporting/core/api';

/**
 * The function key the toolkit's resolver `name` has on the app's Resolver. When the toolkit
 * namespaces its functions (`usageReporting.<name>`), this line is the one to change.
 */
export const toolkitFunctionKey = (name: ResolverName): string => name;
