import type { LoginSettings } from '../../src/contract/login-settings';
import type { OidcSettings, SamlSettings } from '../../src/contract/providers';

/**
 * Configuration full of what must never leave the site: IdP URLs, entity ids, client ids, a
 * certificate, the company's domains, and people's emails and account ids. Every value carries the
 * marker `planted`, so a search for the marker finds any of them, whole or in part.
 */
export const MARKER = /planted/i;

export const plantedSaml: SamlSettings = {
  protocol: 'saml',
  name: 'Planted Acme Okta',
  enabled: true,
  domains: ['planted-acme.example', 'mail.planted-acme.example'],
  jitProvisioning: true,
  entityId: 'http://www.okta.com/exkPLANTEDentity4d7',
  ssoUrl: 'https://planted-acme.okta.example/app/exkPLANTED/sso/saml',
  signingCertificate: '-----BEGIN CERTIFICATE-----\nMIIDpDCCAoygAwIBAgIGAXPLANTEDCERTbodyQQ0NAQELBQAwgZIxCzAJBgNVBAYT\nAlVTMRMwEQYDVQQIDApDYWxpZm9ybmlhMRYwFAYDVQQHDA1TYW5GcmFuY2lzY28=\n-----END CERTIFICATE-----\n'
};

export const plantedOidc: OidcSettings = {
  protocol: 'oidc',
  name: 'Planted Contractors Entra',
  enabled: true,
  domains: ['planted-contractors.example'],
  jitProvisioning: false,
  issuerUrl: 'https://login.planted-tenant.example/7c1f0e22-planted/v2.0',
  clientId: '0oaPLANTEDclient5d8e'
};

export const plantedSettings: LoginSettings = {
  mfaEnforced: true,
  twoStepEnforced: true,
  sessionLengthHours: 12,
  breakGlassAccountIds: ['712020:planted-5c1d-4e2f-9a3b-break0glass01', 'planted.admin@planted-acme.example']
};

export const plantedEmails = ['jane.planted@planted-acme.example', 'planted.contractor@planted-contractors.example'];

/** Every planted value, to name which one leaked when the marker is found. */
export const plantedValues: readonly string[] = [
  plantedSaml.name, ...plantedSaml.domains, plantedSaml.entityId, plantedSaml.ssoUrl,
  // One line of the certificate's body: a PEM re-wrapped or stripped of its armour still contains it.
  'MIIDpDCCAoygAwIBAgIGAXPLANTEDCERTbodyQQ0NAQELBQAwgZIxCzAJBgNVBAYT',
  plantedOidc.name, ...plantedOidc.domains, plantedOidc.issuerUrl, plantedOidc.clientId,
  ...plantedSettings.breakGlassAccountIds, ...plantedEmails
];

/** Which planted values occur in `text`, and whether the marker does at all (it catches fragments). */
export function plantedIn(text: string): { values: string[]; marker: boolean } {
  return { values: plantedValues.filter((v) => text.includes(v)), marker: MARKER.test(text) };
}
