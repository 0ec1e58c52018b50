/**
 * Every KVS key the app's own features write, in one place. They share the `sso:` namespace so that
 * they can never be mistaken for the usage-reporting toolkit's keys, which the toolkit keeps under a
 * namespace of its own and alone exports, erases and expires.
 */
export const ssoKeys = {
  providerPrefix: 'sso:provider:',
  provider: (id: string) => `sso:provider:${id}`,
  loginSettings: 'sso:login-settings'
} as const;
