import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Database, openDatabase } from '@zhizhi/kernel';
import pg from 'pg';

/** How long a number of operations took. */
export interface Timing {
  ops: number;
  ms: number;
  perSecond: number;
}

/** One figure, in the shape every bench writes (STYLE.md rule 10). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  ratio: number;
  target: string;
  database: string;
  machine: string;
  date: string;
}

export function timing(ops: number, ms: number): Timing {
  return { ops, ms, perSecond: ms > 0 ? (ops * 1000) / ms : 0 };
}

/**
 * Runs `op` `ops` times and times the whole. With several writers, each takes the next index
 * from a shared counter, so the total is exact however the work splits.
 */
export async function timeOps(ops: number, op: (i: number) => Promise<void>, writers = 1): Promise<Timing> {
  let next = 0;
  const writer = async () => {
    while (next < ops) await op(next++);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: writers }, writer));
  return timing(ops, performance.now() - start);
}

/** Times one async call and keeps what it returned. */
export async function measure<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

export function add(a: Timing, b: Timing): Timing {
  return timing(a.ops + b.ops, a.ms + b.ms);
}

/** A baseline and a subject measured together, with each round's ratio for spread. */
export interface Comparison {
  baseline: Timing;
  subject: Timing;
  roundRatios: number[];
}

/**
 * Measures a baseline and a subject in alternating rounds (A B, B A, A B …), so drift during
 * the run (table growth, checkpoints, a noisy neighbour) falls on both sides alike.
 */
export async function interleave(
  ops: number,
  rounds: number,
  baseline: (ops: number) => Promise<Timing>,
  subject: (ops: number) => Promise<Timing>,
): Promise<Comparison> {
  let b = timing(0, 0);
  let s = timing(0, 0);
  const roundRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const share = Math.floor(ops / rounds) + (round < ops % rounds ? 1 : 0);
    let rb: Timing;
    let rs: Timing;
    if (round % 2 === 0) {
      rb = await baseline(share);
      rs = await subject(share);
    } else {
      rs = await subject(share);
      rb = await baseline(share);
    }
    b = add(b, rb);
    s = add(s, rs);
    roundRatios.push(rb.perSecond > 0 ? rs.perSecond / rb.perSecond : 0);
  }
  return { baseline: b, subject: s, roundRatios };
}

/** "0.21–0.34×": the lowest and highest per-round ratio, to show how steady a ratio was. */
export function ratioSpread(comparison: Comparison): string {
  const lowest = Math.min(...comparison.roundRatios);
  const highest = Math.max(...comparison.roundRatios);
  return `${lowest.toFixed(2)}–${highest.toFixed(2)}×`;
}

/** CPU model, core count and memory: enough to tell two machines' results apart. */
export function describeMachine(): string {
  const cores = cpus();
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, ${gib} GiB`;
}

/** Load averages (1, 5, 15 min): other work on the machine skews absolute figures, less so ratios. */
export function describeLoad(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export interface FigureOptions {
  name: string;
  unit: string;
  value: number;
  baseline: string;
  baselineValue: number;
  target: string;
}

/** Builds results that share the database, machine and date of one run. */
export function resultsFor(database: string, machine: string, date: string) {
  return (f: FigureOptions): BenchResult => ({
    name: f.name,
    value: round(f.value, 1),
    unit: f.unit,
    baseline: f.baseline,
    baselineValue: round(f.baselineValue, 1),
    ratio: significant(f.baselineValue > 0 ? f.value / f.baselineValue : 0, 3),
    target: f.target,
    database,
    machine,
    date,
  });
}

/** Three significant digits, so a ratio far below 1 (2.43e-4) does not print as 0. */
function significant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function writeResults(path: string, results: readonly BenchResult[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A plain-text table, one row per figure, grouped by database. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['figure', 'value', 'unit', 'baseline', 'baseline value', 'ratio', 'target'];
  const lines: string[] = [];
  for (const database of [...new Set(results.map((r) => r.database))]) {
    const body = results
      .filter((r) => r.database === database)
      .map((r) => [
        r.name,
        r.unit === '%' ? r.value.toFixed(1) : number.format(r.value),
        r.unit,
        r.baseline,
        r.unit === '%' ? r.baselineValue.toFixed(1) : number.format(r.baselineValue),
        `${r.ratio === 0 || r.ratio >= 0.01 ? r.ratio.toFixed(2) : r.ratio.toPrecision(3)}×`,
        r.target,
      ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
    const numeric = new Set([1, 4, 5]);
    const format = (row: string[]) =>
      row.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
    lines.push('', database, format(header), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of body) lines.push(format(row));
  }
  return lines.join('\n');
}

/**
 * Runs `work` on a scratch PostgreSQL database (`<name>_<pid>`, created on the server at `url` and
 * dropped after); returns [] with a printed note when the server cannot be reached.
 */
export async function onScratchPostgres<T>(
  url: string,
  name: string,
  work: (database: Database) => Promise<T[]>,
  log: (line: string) => void = console.log,
): Promise<T[]> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    const dbName = `${name}_${process.pid}`;
    await admin.query(`create database ${dbName}`);
    const scratch = new URL(url);
    scratch.pathname = `/${dbName}`;
    const database = await openDatabase({ url: scratch.toString(), poolSize: 10 });
    try {
      return await work(database);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${dbName} with (force)`);
    }
  } catch (error) {
    log(`PostgreSQL skipped: ${(error as Error).message}`);
    return [];
  } finally {
    await admin.end().catch(() => {});
  }
}
