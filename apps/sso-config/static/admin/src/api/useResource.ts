import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '@usage-reporting/core/api';

export type Resource<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Loads once and on reload(); an error is a value the section shows, never a blank page. */
export function useResource<T>(load: () => Promise<Envelope<T>>): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const reload = useCallback(() => {
    load().then((result) => setResource(result.ok ? { state: 'ready', data: result.data } : { state: 'error', message: result.error.message }));
  }, [load]);
  useEffect(reload, [reload]);
  return [resource, reload];
}
