/**
 * Builds the labelled Fenghua address test set and, run directly, writes
 * packages/modules/places/test/fenghua-addresses.jsonl:
 *   npx tsx packages/packs/fenghua/scripts/places-test-set/build.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type DivisionSeed, fenghuaDivisions } from '../../src/divisions';
import { fenghuaPlaceLibrary } from '../../src/places/library';
import { Generator } from './generate';
import { handwrittenCases } from './handwritten';
import { type LibraryNode, LibraryView } from './library-view';
import { Prng } from './prng';
import { type CaseRecord, isHard, toRecord } from './segments';

export const OUTPUT_PATH = fileURLToPath(
  new URL('../../../../modules/places/test/fenghua-addresses.jsonl', import.meta.url),
);

const SEED = 0x5eed_f00d;
const SYNTHETIC_NODE_CASES = 660;
const INTERSECTION_CASES = 40;

export interface TestSet {
  records: CaseRecord[];
  /** The JSONL text, one record per line, trailing newline. */
  text: string;
}

export interface BuildOptions {
  /** Another seed draws a fresh sample (the bench scores one beside the committed set). */
  seed?: number;
  /** Include the hand-written cases (default true). */
  handwritten?: boolean;
}

export function buildTestSet(
  nodes: readonly LibraryNode[] = fenghuaPlaceLibrary(),
  divisions: readonly DivisionSeed[] = fenghuaDivisions,
  options: BuildOptions = {},
): TestSet {
  const view = new LibraryView(nodes, divisions);
  const rng = new Prng(options.seed ?? SEED);
  const generator = new Generator(view, rng);
  const seen = new Set<string>();
  const records: CaseRecord[] = [];
  const add = (draft: Parameters<typeof toRecord>[1]): boolean => {
    const record = toRecord(`fh-${String(records.length + 1).padStart(4, '0')}`, draft);
    if (seen.has(record.input)) return false;
    seen.add(record.input);
    records.push(record);
    return true;
  };
  let intersections = 0;
  let guard = 0;
  while (records.length < SYNTHETIC_NODE_CASES + INTERSECTION_CASES) {
    if (++guard > 20 * (SYNTHETIC_NODE_CASES + INTERSECTION_CASES))
      throw new Error('too many duplicate cases');
    // Spread intersections through the file rather than in one block.
    const wantIntersection = intersections < INTERSECTION_CASES && rng.chance(INTERSECTION_CASES / 700);
    if (wantIntersection) {
      if (add(generator.intersectionCase())) intersections++;
    } else if (records.length - intersections < SYNTHETIC_NODE_CASES) {
      add(generator.nodeCase());
    } else if (add(generator.intersectionCase())) {
      intersections++;
    }
  }
  for (const draft of options.handwritten === false ? [] : handwrittenCases(view)) {
    if (!add(draft))
      throw new Error(
        `hand-written case duplicates a generated one: ${draft.segments.map((s) => s.text).join('')}`,
      );
  }
  const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
  return { records, text };
}

export interface TestSetStats {
  total: number;
  hard: number;
  hardShare: number;
  notInLibrary: number;
  byTag: Record<string, number>;
  /** Level of the expected node (`none` when not in the library). */
  byLevel: Record<string, number>;
  /** Township of the standard address. */
  byTown: Record<string, number>;
}

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function statsOf(records: readonly CaseRecord[], nodes: readonly LibraryNode[] = []): TestSetStats {
  const levelOf = new Map(nodes.map((n) => [n.key, n.level]));
  const hard = records.filter(isHard).length;
  return {
    total: records.length,
    hard,
    hardShare: hard / records.length,
    notInLibrary: records.filter((r) => r.expectedKey === null).length,
    byTag: tally(records.flatMap((r) => r.tags)),
    byLevel: tally(records.map((r) => (r.expectedKey ? (levelOf.get(r.expectedKey) ?? '?') : 'none'))),
    byTown: tally(records.map((r) => /^浙江省宁波市奉化区(.+?(街道|镇))/.exec(r.standard)?.[1] ?? '?')),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { records, text } = buildTestSet();
  writeFileSync(OUTPUT_PATH, text);
  const stats = statsOf(records, fenghuaPlaceLibrary());
  console.log(`wrote ${records.length} cases to ${OUTPUT_PATH}`);
  console.log(
    `hard: ${stats.hard} (${(stats.hardShare * 100).toFixed(1)}%), not in library: ${stats.notInLibrary}`,
  );
  for (const [tag, n] of Object.entries(stats.byTag)) console.log(`  ${tag.padEnd(16)} ${n}`);
  console.log('by level:', JSON.stringify(stats.byLevel));
  console.log('by township:', JSON.stringify(stats.byTown));
}
