// Public data benches (issue #4) — so far: quality rules over 1,000,000 rows against a bare pass
// over the same rows, in one run. Writes bench/results/data.json. Never a pass/fail test.
// Not yet measured (not built yet): gateway calls/s, catalog search p95 over 25,000 items.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { checkRows, compileRules } from '@zhizhi/data';
import { idNumberCheckCharacter, usccCheckCharacter } from '@zhizhi/kernel/identity';
import { describeMachine, envInt, formatTable, resultsFor, writeResults } from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/data.json', import.meta.url));
const ROWS = envInt('BENCH_ROWS', 1_000_000);
const log = (line: string) => console.log(line);

/** Synthetic rows like a department's load: valid check digits, ~2 % bad values. */
function* rows(count: number) {
  for (let i = 0; i < count; i++) {
    const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const first17 = `330213${birth}${String(i % 1000).padStart(3, '0')}`;
    const bad = i % 50 === 0;
    const id = `${first17}${bad ? 'A' : idNumberCheckCharacter(first17)}`;
    const usccBody = `91330213${String(i).padStart(9, '0')}`;
    yield {
      id_number: id,
      uscc: `${usccBody}${usccCheckCharacter(usccBody)}`,
      phone: bad ? '12345' : `139${String(i).padStart(8, '0')}`,
      age: String(i % 120),
      sex: i % 2 ? '男' : '女',
      town: '330213100000',
      born: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      serial: String(i),
    };
  }
}

const rules = compileRules([
  { item: 'id_number', rules: [{ kind: 'required' }, { kind: 'format', format: 'id_number' }] },
  { item: 'uscc', rules: [{ kind: 'format', format: 'uscc' }] },
  { item: 'phone', rules: [{ kind: 'format', format: 'phone' }] },
  { item: 'age', rules: [{ kind: 'range', min: 0, max: 150 }] },
  { item: 'sex', rules: [{ kind: 'enum', values: ['男', '女'] }] },
  { item: 'town', rules: [{ kind: 'format', format: 'division_code' }] },
  { item: 'born', rules: [{ kind: 'format', format: 'date' }] },
  { item: 'serial', rules: [{ kind: 'required' }, { kind: 'unique' }] },
]);

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** The same rows generated and every field read and trimmed, no rule run: the floor. */
function bare(count: number): number {
  let n = 0;
  for (const row of rows(count)) for (const value of Object.values(row)) n += value.trim().length;
  return n;
}

function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`data bench on ${machine}, ${date}: ${ROWS.toLocaleString('en-US')} rows, 8 items, 10 rules`);
  bare(20_000);
  checkRows(rules, rows(20_000)); // warm up
  const baseline = time(() => bare(ROWS));
  const subject = time(() => checkRows(rules, rows(ROWS), { maxFindings: 1000 }));
  log(
    `  bare pass ${Math.round(baseline.ms)} ms, quality rules ${Math.round(subject.ms)} ms, pass rate ${(subject.value.passRate * 100).toFixed(2)} %`,
  );
  const figure = resultsFor('in process (no database)', machine, date);
  const results = [
    figure({
      name: `quality rules over ${ROWS.toLocaleString('en-US')} rows`,
      unit: 'ms',
      value: subject.ms,
      baseline: 'the same rows generated and every field read, no rules',
      baselineValue: baseline.ms,
      target: 'issue #4: ≤ 5,000 ms for 1,000,000 rows',
    }),
  ];
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(`wrote bench/results/data.json. Benchmarks never pass or fail.`);
}

main();
