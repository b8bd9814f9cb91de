import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-client';
import { useAppContext } from '../app/app-context';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError(0, 'NETWORK', 'Could not reach the app’s server; check your connection and try again.');

/** GETs `path` (again when it or `reload` changes), with loading, error and ready states; aborted when the page goes. */
export function useApiData<T>(path: string): Loadable<T> & { reload: () => void } {
  const { api } = useAppContext();
  const [loadable, setLoadable] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setLoadable((l) => (l.state === 'ready' ? l : { state: 'loading' }));
    api.get<T>(path, abort.signal).then(
      (data) => !abort.signal.aborted && setLoadable({ state: 'ready', data }),
      (e: unknown) => !abort.signal.aborted && setLoadable({ state: 'error', error: asApiError(e) }),
    );
    return () => abort.abort();
  }, [api, path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...loadable, reload };
}

export { asApiError };
