import { z } from 'zod';

/**
 * What the usage catalog may know about the app's configuration: counts, switches and closed
 * categories. There is no string here but the enum values below, so no entity id, URL, client id,
 * certificate, domain or account id has a place to travel in.
 */
export const enabledProtocols = ['none', 'saml', 'oidc', 'samlAndOidc'] as const;
export const sessionLengths = ['upTo1h', 'upTo8h', 'upTo24h', 'upTo7d', 'over7d'] as const;

export const ssoFactsSchema = z.strictObject({
  providers: z.strictObject({
    total: z.number().int().nonnegative(),
    enabled: z.number().int().nonnegative()
  }),
  enabledProtocols: z.enum(enabledProtocols),
  jitProvisioning: z.boolean(),
  mfaEnforced: z.boolean(),
  twoStepEnforced: z.boolean(),
  sessionLength: z.enum(sessionLengths),
  breakGlassAccounts: z.number().int().nonnegative()
});
export type SsoFacts = z.infer<typeof ssoFactsSchema>;
