import { useEffect, useRef, useState } from 'react';
import type { StreamAlarm, StreamValues } from './types';

export interface SensingStreamHandlers {
  onValues?: (values: StreamValues) => void;
  onAlarm?: (alarm: StreamAlarm) => void;
}

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/**
 * Subscribes to /api/sensing/stream (server-sent events, session cookie) while mounted. Returns
 * whether the stream is open; EventSource reconnects by itself (the server asks for 3 s).
 */
export function useSensingStream(handlers: SensingStreamHandlers): boolean {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/sensing/stream', { withCredentials: true });
    source.onopen = () => setOpen(true);
    source.onerror = () => setOpen(source.readyState === EventSource.OPEN);
    source.addEventListener('values', (event) => {
      const values = parse<StreamValues>(event);
      if (values) latest.current.onValues?.(values);
    });
    source.addEventListener('alarm', (event) => {
      const alarm = parse<StreamAlarm>(event);
      if (alarm) latest.current.onAlarm?.(alarm);
    });
    return () => source.close();
  }, []);
  return open;
}

/**
 * A function that calls `action` at most once per `ms`, trailing: a burst of alarm events becomes
 * one reload shortly after the last, never one per event.
 */
export function useTrailingThrottle(action: () => void, ms: number): () => void {
  const latest = useRef(action);
  latest.current = action;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const call = useRef(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, ms);
  });
  return call.current;
}
