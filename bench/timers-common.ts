// Settings and small helpers shared by the timers bench's single-database and multi-process parts.
import { fileURLToPath } from 'node:url';
import { envInt } from './lib';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const WORKER_PATH = fileURLToPath(new URL('timers.worker.ts', import.meta.url));

/** The runner's poll interval (`jobs.start(ms)`) in the delay and multi-process figures. */
export const POLL_MS = envInt('BENCH_POLL_MS', 10);

/** Timers per configuration in the multi-process figure, spread over `MP_WINDOW_MS`. */
export const MP_TIMERS = envInt('BENCH_TIMERS', 20_000);

export const MP_WINDOW_MS = 4000;

export const WARMUP = 100;

export const log = (line: string) => console.log(line);

export const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

let rounds = 0;
export const nextRound = () => ++rounds;

export function percentile(sorted: readonly number[], p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
