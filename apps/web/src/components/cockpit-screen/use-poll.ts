import { useCallback, useEffect, useRef, useState } from 'react';
import { useProblemNotifier } from '../use-action';

export const POLL_MS = 30_000;

export interface Polled<T> {
  /** The newest answer; kept while the next one loads, so nothing flickers. */
  data: T | undefined;
  /** When `data` arrived (ms since epoch); 0 before the first answer. */
  loadedAt: number;
  loading: boolean;
  /** The last load failed (the old data is still shown). */
  failed: boolean;
  reload: () => void;
}

function tabVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * Loads when `deps` change and again every `intervalMs` while the tab is visible (a hidden tab
 * pauses, and catches up at once when shown if a poll was missed). A late answer for old deps is
 * dropped. A failure is reported once per run of failures, not at every poll.
 */
export function usePoll<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: { intervalMs?: number; enabled?: boolean } = {},
): Polled<T> {
  const { intervalMs = POLL_MS, enabled = true } = options;
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
          if (!failing.current) notifyRef.current(error);
          failing.current = true;
        })
        .finally(() => {
          inFlight = false;
          if (!current) return;
          setLoading(false);
          if (tabVisible()) timer = setTimeout(run, intervalMs);
        });
    };
    const onVisibility = () => {
      if (!tabVisible()) {
        if (timer) clearTimeout(timer);
        timer = undefined;
      } else if (!timer && !inFlight) {
        const wait = Math.max(0, lastRun + intervalMs - Date.now());
        timer = setTimeout(run, wait);
      }
    };
    run();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      current = false;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [...deps, generation, enabled, intervalMs]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, loadedAt, loading, failed, reload };
}
