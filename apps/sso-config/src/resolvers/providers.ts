import { randomUUID } from 'node:crypto';
import { fail, ok } from '@usage-reporting/core/api';
import type { ProviderSettings } from '../contract/providers';
import { deleteProvider, listProviders, readProvider, saveProvider } from '../store/providers-store';
import type { SsoHandler } from './define';

/** At most this many providers per site: more is a set-up mistake, and the page lists them all at once. */
export const MAX_PROVIDERS = 50;

export const listProvidersHandler = (): SsoHandler<'listProviders'> => async () => {
  const { providers, unreadable } = await listProviders();
  // The readable ones are still useful to the admin; the rest are logged by key, never by value.
  if (unreadable.length > 0) console.warn(`[sso listProviders] ${unreadable.length} stored provider(s) do not match their schema: ${unreadable.join(', ')}`);
  return ok({ providers });
};

export const addProviderHandler = (now: () => Date): SsoHandler<'addProvider'> => async ({ settings }) => {
  const { providers } = await listProviders();
  if (providers.length >= MAX_PROVIDERS) return fail('CONFLICT', `A site can have at most ${MAX_PROVIDERS} identity providers; remove one first.`);
  const clash = domainClash(settings, providers.map((p) => p.settings));
  if (clash) return fail('CONFLICT', clash);
  const at = now().toISOString();
  const provider = { id: randomUUID(), settings, createdAt: at, updatedAt: at };
  await saveProvider(provider);
  return ok({ provider });
};

export const updateProviderHandler = (now: () => Date): SsoHandler<'updateProvider'> => async ({ id, settings }) => {
  const existing = await readProvider(id);
  if (!existing) return fail('NOT_FOUND', 'That identity provider no longer exists; reload the page.');
  const { providers } = await listProviders();
  const clash = domainClash(settings, providers.filter((p) => p.id !== id).map((p) => p.settings));
  if (clash) return fail('CONFLICT', clash);
  const provider = { ...existing, settings, updatedAt: now().toISOString() };
  await saveProvider(provider);
  return ok({ provider });
};

export const removeProviderHandler = (): SsoHandler<'removeProvider'> => async ({ id }) => {
  if (!(await readProvider(id))) return fail('NOT_FOUND', 'That identity provider no longer exists; reload the page.');
  await deleteProvider(id);
  return ok({ removed: id });
};

/** Two providers for one domain would make sign-in ambiguous: say which domain, it is the admin's own. */
function domainClash(settings: ProviderSettings, others: readonly ProviderSettings[]): string | undefined {
  for (const other of others) {
    const shared = settings.domains.find((d) => other.domains.includes(d));
    if (shared) return `The domain ${shared} already signs in through "${other.name}".`;
  }
  return undefined;
}
