import type Resolver from '@forge/resolver';
import type { Meter } from '../login/sign-in';
import { defineSsoResolver } from './define';
import { getLoginSettingsHandler, saveLoginSettingsHandler } from './login-settings';
import { addProviderHandler, listProvidersHandler, removeProviderHandler, updateProviderHandler } from './providers';
import { testSignInHandler } from './test-sign-in';

/** What the app's own resolvers need from outside: the toolkit's meter and the clock. */
export interface SsoDeps {
  meter: Meter;
  now: () => Date;
}

/** Defines the app's own resolver functions on its Resolver, beside the toolkit's. */
export function registerSsoResolvers(resolver: Pick<Resolver, 'define'>, deps: SsoDeps): void {
  resolver.define('listProviders', defineSsoResolver('listProviders', listProvidersHandler()));
  resolver.define('addProvider', defineSsoResolver('addProvider', addProviderHandler(deps.now)));
  resolver.define('updateProvider', defineSsoResolver('updateProvider', updateProviderHandler(deps.now)));
  resolver.define('removeProvider', defineSsoResolver('removeProvider', removeProviderHandler()));
  resolver.define('getLoginSettings', defineSsoResolver('getLoginSettings', getLoginSettingsHandler()));
  resolver.define('saveLoginSettings', defineSsoResolver('saveLoginSettings', saveLoginSettingsHandler()));
  resolver.define('testSignIn', defineSsoResolver('testSignIn', testSignInHandler(deps.meter, deps.now)));
}
