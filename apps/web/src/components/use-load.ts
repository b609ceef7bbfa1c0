import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemNotifier } from './use-action';

export interface Loaded<T> {
  /** The newest answer; kept while the next one loads, so nothing flickers. */
  data: T | undefined;
  /** When `data` arrived (ms since epoch); 0 before the first answer. */
  loadedAt: number;
  loading: boolean;
  /** The last load failed (the old data, if any, is still shown). */
  failed: boolean;
  reload: () => void;
}

export interface LoadOptions {
  /** Load again this long after each answer while the tab is visible; no polling when unset. */
  pollMs?: number;
  /** While false nothing loads (and `loading` starts false). */
  enabled?: boolean;
}

function tabVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * Loads data when `deps` change and shows failures with the server's detail.
 * A late answer for old deps is dropped, so fast filter changes cannot show stale rows.
 *
 * With `pollMs` it loads again every `pollMs` while the tab is visible (a hidden tab pauses, and
 * catches up at once when shown if a poll was missed), and a failure is reported once per run of
 * failures, not at every poll.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: LoadOptions = {},
): Loaded<T> {
  const { pollMs, enabled = true } = options;
  const notify = useProblemNotifier();
  const [data, setData] = useState<T>();
  const [loadedAt, setLoadedAt] = useState(0);
  const [loading, setLoading] = useState(enabled);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const notifyRef = useRef(notify);
  notifyRef.current = notify;
  const failing = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass their own dependency list
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRun = 0;
    let inFlight = false;
    const run = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      lastRun = Date.now();
      inFlight = true;
      setLoading(true);
      loadRef
        .current()
        .then((value) => {
          if (!current) return;
          setData(value);
          setLoadedAt(Date.now());
          setFailed(false);
          failing.current = false;
        })
        .catch((error: unknown) => {
          if (!current) return;
          setFailed(true);
          if (pollMs === undefined || !failing.current) notifyRef.current(error);
          failing.current = true;
        })
        .finally(() => {
          inFlight = false;
          if (!current) return;
          setLoading(false);
          if (pollMs !== undefined && tabVisible()) timer = setTimeout(run, pollMs);
        });
    };
    const onVisibility = () => {
      if (pollMs === undefined) return;
      if (!tabVisible()) {
        if (timer) clearTimeout(timer);
        timer = undefined;
      } else if (!timer && !inFlight) {
        timer = setTimeout(run, Math.max(0, lastRun + pollMs - Date.now()));
      }
    };
    run();
    if (pollMs !== undefined) document.addEventListener('visibilitychange', onVisibility);
    return () => {
      current = false;
      if (timer) clearTimeout(timer);
      if (pollMs !== undefined) document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [...deps, generation, enabled, pollMs]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, loadedAt, loading, failed, reload };
}
