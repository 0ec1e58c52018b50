import Resolver from '@forge/resolver';
import type { ResolverName } from '../shared/api/resolvers';
import { recordInstallation, recordScheduledRun } from './context/installation';
import { defineResolver } from './resolvers/define';
import { registeredResolverNames, resolverRegistry } from './resolvers/registry';

/** The manifest's handlers: `index.resolver`, `index.scheduled`, `index.lifecycle`. */
const definitions = new Resolver();
const register = <N extends ResolverName>(name: N) => definitions.define(name, defineResolver(name, resolverRegistry[name]));
registeredResolverNames.forEach(register);

export const resolver = definitions.getDefinitions();

export const scheduled = (event: unknown, context: unknown) => recordScheduledRun(event, context);

export const lifecycle = (event: unknown, context: unknown) => recordInstallation(event, context);
