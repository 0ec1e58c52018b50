import { z } from 'zod';
import { identityProviderSchema, providerSettingsSchema } from './providers';
import { loginSettingsSchema } from './login-settings';
import { signInAttemptSchema, signInOutcomeSchema } from './sign-in';

/**
 * The app's own resolvers: name, input and output. The backend defines a handler for each entry
 * (resolvers/), the admin page calls them through one typed client (static/admin/src/api/client.ts),
 * and both import this module. Every answer is the toolkit's Envelope (@usage-reporting/core/api),
 * so the page reads one response shape whether it calls the app or the usage-reporting section.
 */
const noInput = z.strictObject({});
const providerRef = z.strictObject({ id: z.uuid() });
const providersOutput = z.strictObject({ providers: z.array(identityProviderSchema) });
const providerOutput = z.strictObject({ provider: identityProviderSchema });
const loginSettingsOutput = z.strictObject({ settings: loginSettingsSchema });

export const ssoResolverContract = {
  listProviders: { input: noInput, output: providersOutput },
  addProvider: { input: z.strictObject({ settings: providerSettingsSchema }), output: providerOutput },
  updateProvider: { input: z.strictObject({ id: z.uuid(), settings: providerSettingsSchema }), output: providerOutput },
  removeProvider: { input: providerRef, output: z.strictObject({ removed: z.uuid() }) },
  getLoginSettings: { input: noInput, output: loginSettingsOutput },
  saveLoginSettings: { input: z.strictObject({ settings: loginSettingsSchema }), output: loginSettingsOutput },
  testSignIn: { input: z.strictObject({ attempt: signInAttemptSchema }), output: z.strictObject({ outcome: signInOutcomeSchema }) }
} as const;

export type SsoResolverContract = typeof ssoResolverContract;
export type SsoResolverName = keyof SsoResolverContract;
export type SsoResolverInput<N extends SsoResolverName> = z.input<SsoResolverContract[N]['input']>;
export type SsoResolverOutput<N extends SsoResolverName> = z.infer<SsoResolverContract[N]['output']>;
export const ssoResolverNames = Object.keys(ssoResolverContract) as SsoResolverName[];
