import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemNotifier } from './use-action';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  failed: boolean;
  reload: () => void;
}

/**
 * Loads data when `deps` change and shows failures with the server's detail.
 * A late answer for old deps is dropped, so fast filter changes cannot show stale rows.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const notify = useProblemNotifier();
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const notifyRef = useRef(notify);
  notifyRef.current = notify;

  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass their own dependency list
  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef
      .current()
      .then((value) => {
        if (!current) return;
        setData(value);
        setFailed(false);
      })
      .catch((error: unknown) => {
        if (!current) return;
        setFailed(true);
        notifyRef.current(error);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, loading, failed, reload };
}
