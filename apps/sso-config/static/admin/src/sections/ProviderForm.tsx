import { useState, type FormEvent } from 'react';
import { providerSettingsSchema, type Protocol, type ProviderSettings } from '../../../../src/contract/providers';

/**
 * A new provider's settings. The form is checked with the same schema the resolver parses with, so
 * the admin sees which field is wrong before anything is sent.
 */
export function ProviderForm({ onSubmit }: { onSubmit: (settings: ProviderSettings) => Promise<void> }) {
  const [protocol, setProtocol] = useState<Protocol>('saml');
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const common = {
      protocol,
      name: text('name'),
      enabled: true,
      domains: text('domains').split(/[\s,]+/).filter(Boolean).map((d) => d.toLowerCase()),
      jitProvisioning: form.get('jit') === 'on'
    };
    const candidate =
      protocol === 'saml'
        ? { ...common, entityId: text('entityId'), ssoUrl: text('ssoUrl'), signingCertificate: String(form.get('certificate') ?? '') }
        : { ...common, issuerUrl: text('issuerUrl'), clientId: text('clientId') };
    const parsed = providerSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setProblems([]);
    await onSubmit(parsed.data);
  };

  return (
    <form onSubmit={submit} aria-label="Add an identity provider">
      <h3>Add an identity provider</h3>
      <label>
        Protocol{' '}
        <select value={protocol} onChange={(e) => setProtocol(e.target.value === 'oidc' ? 'oidc' : 'saml')}>
          <option value="saml">SAML 2.0</option>
          <option value="oidc">OpenID Connect</option>
        </select>
      </label>
      <label>Name <input name="name" required /></label>
      <label>Domains (comma-separated) <input name="domains" required /></label>
      {protocol === 'saml' ? (
        <>
          <label>Entity id <input name="entityId" required /></label>
          <label>Sign-in URL <input name="ssoUrl" type="url" required /></label>
          <label>Signing certificate (PEM) <textarea name="certificate" rows={6} required /></label>
        </>
      ) : (
        <>
          <label>Issuer URL <input name="issuerUrl" type="url" required /></label>
          <label>Client id <input name="clientId" required /></label>
        </>
      )}
      <label><input name="jit" type="checkbox" /> Create accounts on first sign-in (just-in-time provisioning)</label>
      {problems.length > 0 && (
        <ul role="alert">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      <button type="submit">Add provider</button>
    </form>
  );
}
