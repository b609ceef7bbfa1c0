import { type Loaded, useLoad } from '../use-load';

/** How often the big screen refreshes its panels. */
export const POLL_MS = 30_000;

export type Polled<T> = Loaded<T>;

/**
 * Loads when `deps` change and again every `intervalMs` (30 s by default) while the tab is visible;
 * the old data stays on screen while the next answer loads (see useLoad).
 */
export function usePoll<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  options: { intervalMs?: number; enabled?: boolean } = {},
): Polled<T> {
  return useLoad(load, deps, { pollMs: options.intervalMs ?? POLL_MS, enabled: options.enabled });
}
