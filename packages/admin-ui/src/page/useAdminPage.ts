import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AdminPageOutput } from '@usage-reporting/core/api';
import type { ClientError } from '../api/client.js';
import { useClient } from '../api/client-context.js';
import { useI18n } from '../i18n/index.js';
import { localizePage } from '../lib/localize-fields.js';

export type PageLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: ClientError }
  | { status: 'ready'; page: AdminPageOutput; refreshing: boolean; refreshError: ClientError | null };

/**
 * The page's one source of truth: the loadAdminPage answer. The first screen needs exactly one
 * round trip; after a change the page asks again rather than patching its copy, so what it shows
 * (preview bytes, new fields, history) is always what the backend holds now. Field descriptions
 * come in the admin's language (the nearest I18nProvider's locale).
 */
export function useAdminPage() {
  const client = useClient();
  const { locale } = useI18n();
  const [load, setLoad] = useState<PageLoad>({ status: 'loading' });
  const generation = useRef(0);

  const fetchPage = useCallback(async () => {
    const mine = ++generation.current;
    const result = await client.loadAdminPage({});
    // A later refresh supersedes this one; an older answer must not overwrite a newer page.
    if (mine !== generation.current) return;
    setLoad((previous) => {
      if (result.ok) return { status: 'ready', page: result.data, refreshing: false, refreshError: null };
      // Keep showing the last good page when a refresh fails, and say so.
      if (previous.status === 'ready') return { ...previous, refreshing: false, refreshError: result.error };
      return { status: 'failed', error: result.error };
    });
  }, [client]);

  const refresh = useCallback(async () => {
    setLoad((previous) => (previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    await fetchPage();
  }, [fetchPage]);

  // A layout effect: asked as the page mounts, not a frame later. The answer is often in hand by then
  // (first-screen.ts started the call), and the page then shows it without painting a spinner first.
  useLayoutEffect(() => {
    void fetchPage();
    return () => {
      // Unmounted: make any answer still in flight stale.
      generation.current++;
    };
  }, [fetchPage]);

  const localized = useMemo((): PageLoad => (load.status === 'ready' ? { ...load, page: localizePage(load.page, locale) } : load), [load, locale]);
  return { load: localized, refresh };
}
