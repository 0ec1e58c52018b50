import { useCallback, useState } from 'react';
import type { ClientError, ClientResult } from '../api/client.js';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: ClientError };

/** Runs one backend call at a time and keeps its progress and outcome as state the screen can show. */
export function useAction<I, T>(run: (input: I) => Promise<ClientResult<T>>) {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const start = useCallback(
    async (input: I): Promise<ClientResult<T>> => {
      setState({ status: 'running' });
      const result = await run(input);
      setState(result.ok ? { status: 'done', data: result.data } : { status: 'failed', error: result.error });
      return result;
    },
    [run]
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, reset };
}
