import { kvs } from '@forge/kvs';
import { identityProviderSchema, type IdentityProvider } from '../contract/providers';
import { ssoKeys } from './keys';

/**
 * The identity providers in the app's KVS, one key each. A stored value that no longer parses (an
 * older version wrote it, someone edited storage) is listed by key, not passed on as a provider.
 */
export interface ProviderListing {
  providers: IdentityProvider[];
  unreadable: string[];
}

export async function listProviders(): Promise<ProviderListing> {
  const providers: IdentityProvider[] = [];
  const unreadable: string[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', { condition: 'BEGINS_WITH', values: [ssoKeys.providerPrefix] }).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const entry of page.results) {
      const parsed = identityProviderSchema.safeParse(entry.value);
      if (parsed.success) providers.push(parsed.data);
      else unreadable.push(entry.key);
    }
    cursor = page.nextCursor;
  } while (cursor);
  providers.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return { providers, unreadable };
}

export async function readProvider(id: string): Promise<IdentityProvider | undefined> {
  const parsed = identityProviderSchema.safeParse(await kvs.get<unknown>(ssoKeys.provider(id)));
  return parsed.success ? parsed.data : undefined;
}

export const saveProvider = (provider: IdentityProvider): Promise<void> => kvs.set(ssoKeys.provider(provider.id), provider);

export const deleteProvider = (id: string): Promise<void> => kvs.delete(ssoKeys.provider(id));
