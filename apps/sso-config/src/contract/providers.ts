import { z } from 'zod';

/**
 * An identity provider as the app stores it and the admin page shows it. These values are the
 * site's secrets and identifiers (entity ids, client ids, certificates, the company's domains): they
 * stay in the app's own KVS and never become usage facts (usage/summarise-config.ts reads only
 * counts and switches from them).
 */
export const protocols = ['saml', 'oidc'] as const;
export const protocolSchema = z.enum(protocols);
export type Protocol = z.infer<typeof protocolSchema>;

const httpsUrl = z.url({ protocol: /^https$/ }).max(2048);
/** A DNS name the provider signs people in for (`example.com`); lower case, no scheme, no path. */
const domainSchema = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain such as example.com');
const pemCertificate = z
  .string()
  .max(16_384)
  .regex(/^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/, 'a PEM certificate');

const common = {
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean(),
  domains: z.array(domainSchema).min(1).max(50),
  /** Just-in-time provisioning: a person the provider vouches for gets an account on first sign-in. */
  jitProvisioning: z.boolean()
};

export const samlSettingsSchema = z.strictObject({
  protocol: z.literal('saml'),
  ...common,
  /** The IdP's entity id: usually a URL, sometimes a URN. */
  entityId: z.string().trim().min(1).max(1024),
  ssoUrl: httpsUrl,
  signingCertificate: pemCertificate
});

export const oidcSettingsSchema = z.strictObject({
  protocol: z.literal('oidc'),
  ...common,
  issuerUrl: httpsUrl,
  clientId: z.string().trim().min(1).max(256)
});

export type SamlSettings = z.infer<typeof samlSettingsSchema>;
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;

/** What the admin enters for a provider: the page's form and the add/update resolvers' input. */
export const providerSettingsSchema = z.discriminatedUnion('protocol', [samlSettingsSchema, oidcSettingsSchema]);
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

/** A stored provider: what the admin entered, and the app's own bookkeeping beside it. */
export const identityProviderSchema = z.strictObject({
  id: z.uuid(),
  settings: providerSettingsSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime()
});
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

/** The issuer a sign-in assertion must name for this provider. */
export const issuerOf = (provider: ProviderSettings): string => (provider.protocol === 'saml' ? provider.entityId : provider.issuerUrl);
