import { useCallback, useState } from 'react';
import type { IdentityProvider } from '../../../../src/contract/providers';
import { callSso } from '../api/client';
import { useResource } from '../api/useResource';
import { ProviderForm } from './ProviderForm';

/** The site's identity providers: each one's protocol, domains and switches, with add and remove. */
export function ProvidersSection() {
  const load = useCallback(() => callSso('listProviders', {}), []);
  const [providers, reload] = useResource(load);
  const [message, setMessage] = useState<string | null>(null);

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await run();
    setMessage(result.ok ? null : (result.error?.message ?? 'That did not work.'));
    reload();
  };

  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading">Identity providers</h2>
      {message && <p role="alert">{message}</p>}
      {providers.state === 'loading' && <p>Loading identity providers…</p>}
      {providers.state === 'error' && <p role="alert">{providers.message}</p>}
      {providers.state === 'ready' && (
        <ul>
          {providers.data.providers.length === 0 && <li>No identity provider yet: people sign in with their Atlassian account.</li>}
          {providers.data.providers.map((p: IdentityProvider) => (
            <li key={p.id}>
              <strong>{p.settings.name}</strong> ({p.settings.protocol.toUpperCase()}) for {p.settings.domains.join(', ')}
              {p.settings.jitProvisioning ? ', creates accounts on first sign-in' : ''}
              <label>
                <input type="checkbox" checked={p.settings.enabled} onChange={(e) => act(() => callSso('updateProvider', { id: p.id, settings: { ...p.settings, enabled: e.target.checked } }))} />
                Enabled
              </label>
              <button type="button" onClick={() => act(() => callSso('removeProvider', { id: p.id }))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Only once the list loaded: a member is refused it, and should not be offered a form that is refused too. */}
      {providers.state === 'ready' && <ProviderForm onSubmit={(settings) => act(() => callSso('addProvider', { settings }))} />}
    </section>
  );
}
