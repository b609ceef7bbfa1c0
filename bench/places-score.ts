// Scoring helpers for bench/places.bench.ts: element precision/recall/F1 by label on exact
// (label, start, end) spans, the way CCKS 2021 scored its address task.
import { readFileSync } from 'node:fs';
import { type AddressElement, type AddressLabel, engineFromSeeds, type ParsedAddress } from '@zhizhi/places';
import { fenghuaDivisions, fenghuaPlaceLibrary } from '@zhizhi/pack-fenghua';

export interface TestCase {
  id: string;
  input: string;
  elements: AddressElement[];
  expectedKey: string | null;
  divisionCode: string | null;
  standard: string;
  tags: string[];
}

export const HARD_TAGS = new Set([
  'missing_prefix',
  'historic',
  'numerals',
  'fullwidth',
  'compact',
  'typo',
  'intersection',
]);

export function loadTestSet(): TestCase[] {
  const url = new URL('../packages/modules/places/test/fenghua-addresses.jsonl', import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TestCase);
}

/** The Fenghua gazetteer and library index, built in memory from the region pack (ids = keys). */
export function fenghuaEngine() {
  return engineFromSeeds(fenghuaPlaceLibrary(), fenghuaDivisions);
}

export interface LabelScore {
  label: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

function f1Of(label: string, gold: number, predicted: number, correct: number): LabelScore {
  const precision = predicted > 0 ? correct / predicted : gold === 0 ? 1 : 0;
  const recall = gold > 0 ? correct / gold : predicted === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { label, gold, predicted, correct, precision, recall, f1 };
}

/** Per-label and overall (micro-averaged) scores of predicted elements against the gold ones. */
export function scoreElements(cases: readonly TestCase[], predicted: readonly ParsedAddress[]) {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bump = (label: string, key: 'gold' | 'predicted' | 'correct') => {
    const entry = counts.get(label) ?? { gold: 0, predicted: 0, correct: 0 };
    entry[key]++;
    counts.set(label, entry);
  };
  let normalizedRight = 0;
  let normalizedTotal = 0;
  let standardRight = 0;
  let divisionRight = 0;
  let divisionTotal = 0;
  const misses: { id: string; input: string; gold: string; got: string }[] = [];
  cases.forEach((testCase, i) => {
    const parsed = predicted[i] as ParsedAddress;
    const gold = new Map(testCase.elements.map((e) => [`${e.label}|${e.start}|${e.end}`, e]));
    for (const e of testCase.elements) bump(e.label, 'gold');
    let allRight = parsed.elements.length === testCase.elements.length;
    for (const e of parsed.elements) {
      bump(e.label, 'predicted');
      const match = gold.get(`${e.label}|${e.start}|${e.end}`);
      if (!match) {
        allRight = false;
        continue;
      }
      bump(e.label, 'correct');
      normalizedTotal++;
      if (match.normalized === e.normalized) normalizedRight++;
    }
    if (!allRight && misses.length < 40) {
      misses.push({
        id: testCase.id,
        input: testCase.input,
        gold: testCase.elements.map((e) => `${e.label}:${e.value}`).join(' '),
        got: parsed.elements.map((e) => `${e.label}:${e.value}`).join(' '),
      });
    }
    if (parsed.standard === testCase.standard) standardRight++;
    if (testCase.divisionCode) {
      divisionTotal++;
      if (parsed.divisionCode === testCase.divisionCode) divisionRight++;
    }
  });
  const labels = [...counts.entries()]
    .map(([label, c]) => f1Of(label, c.gold, c.predicted, c.correct))
    .sort((a, b) => b.gold - a.gold);
  const total = [...counts.values()].reduce(
    (sum, c) => ({
      gold: sum.gold + c.gold,
      predicted: sum.predicted + c.predicted,
      correct: sum.correct + c.correct,
    }),
    { gold: 0, predicted: 0, correct: 0 },
  );
  return {
    labels,
    overall: f1Of('overall', total.gold, total.predicted, total.correct),
    normalizedAccuracy: normalizedTotal > 0 ? normalizedRight / normalizedTotal : 0,
    standardAccuracy: standardRight / cases.length,
    divisionAccuracy: divisionTotal > 0 ? divisionRight / divisionTotal : 0,
    misses,
  };
}

/** Value-level scores for the levels a baseline covers (its output has values, not spans). */
export function scoreLevels(
  cases: readonly TestCase[],
  predicted: readonly Partial<Record<AddressLabel, string>>[],
  levels: readonly AddressLabel[],
) {
  let gold = 0;
  let made = 0;
  let correct = 0;
  cases.forEach((testCase, i) => {
    const got = predicted[i] ?? {};
    for (const level of levels) {
      const want = testCase.elements.find((e) => e.label === level)?.normalized;
      const have = got[level];
      if (want) gold++;
      if (have) made++;
      if (want && have && want === have) correct++;
    }
  });
  return f1Of('levels', gold, made, correct);
}
