/**
 * Synthetic cases: library nodes sampled by level and township, rendered clean, then 0–3 noise
 * operators. Operator choice is weighted toward the rarest tags so far, so every tag gets used.
 */
import type { LibraryNode, LibraryView } from './library-view';
import { applicable, applyNoise, NOISE_TAGS, type NoiseTag, type Work } from './noise';
import type { Prng } from './prng';
import { prefixSegments, renderNode } from './render';
import type { CaseDraft, Segment } from './segments';

/** Sampling weights by node level: doorplates, rooms and rural numbers dominate real traffic. */
const LEVEL_WEIGHTS: readonly (readonly [string, number])[] = [
  ['doorplate', 26],
  ['rural_doorplate', 16],
  ['room', 24],
  ['building', 5],
  ['unit', 3],
  ['floor', 2],
  ['road', 3],
  ['estate', 4],
  ['natural_village', 3],
  ['village_group', 3],
  ['poi', 9],
];

// Conflicts: a compact case has no number left for numerals/variants to rewrite.
const CONFLICTS: readonly [NoiseTag, NoiseTag][] = [
  ['compact', 'numerals'],
  ['compact', 'variants'],
];

function bucketOf(view: LibraryView, node: LibraryNode): string {
  if (node.level !== 'doorplate') return node.level;
  const parent = node.parentKey ? view.byKey.get(node.parentKey) : undefined;
  return parent && parent.level !== 'road' ? 'rural_doorplate' : 'doorplate';
}

/** Current nodes grouped by bucket, then township code (insertion order = library order). */
function buckets(view: LibraryView): Map<string, Map<string, LibraryNode[]>> {
  const out = new Map<string, Map<string, LibraryNode[]>>();
  for (const node of view.nodes) {
    if (node.validTo) continue;
    const chain = view.chain(node);
    if (chain.some((n) => n.validTo)) continue;
    const bucket = bucketOf(view, node);
    const town = view.townOf(chain[0]).code;
    const byTown = out.get(bucket) ?? new Map<string, LibraryNode[]>();
    const list = byTown.get(town) ?? [];
    list.push(node);
    byTown.set(town, list);
    out.set(bucket, byTown);
  }
  return out;
}

export class Generator {
  readonly counts = new Map<string, number>();
  private readonly pool: Map<string, Map<string, LibraryNode[]>>;

  constructor(
    private readonly view: LibraryView,
    private readonly rng: Prng,
  ) {
    this.pool = buckets(view);
  }

  private count(tags: readonly string[]): void {
    for (const t of tags) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  private sampleNode(): LibraryNode {
    const weights = LEVEL_WEIGHTS.filter(([b]) => this.pool.has(b));
    const bucket = this.rng.weighted(weights);
    const byTown = this.pool.get(bucket)!;
    const town = this.rng.pick([...byTown.keys()]);
    return this.rng.pick(byTown.get(town)!);
  }

  private chooseTags(work: Work): NoiseTag[] {
    const k = this.rng.weighted<number>([
      [0, 20],
      [1, 40],
      [2, 28],
      [3, 12],
    ]);
    const chosen: NoiseTag[] = [];
    for (let i = 0; i < k; i++) {
      const options = NOISE_TAGS.filter(
        (t) =>
          !chosen.includes(t) &&
          applicable(t, work.rendered) &&
          !CONFLICTS.some(([a, b]) => (a === t && chosen.includes(b)) || (b === t && chosen.includes(a))),
      );
      if (options.length === 0) break;
      // Rarer tags so far are more likely: keeps every operator well represented.
      chosen.push(this.rng.weighted(options.map((t) => [t, 1 / (1 + (this.counts.get(t) ?? 0))] as const)));
    }
    return chosen;
  }

  /** One noisy case from a sampled library node. */
  nodeCase(): CaseDraft {
    const node = this.sampleNode();
    const rendered = renderNode(this.view, node, this.rng);
    const work: Work = { rendered, segs: rendered.segments.map((s) => ({ ...s })) };
    const tags: string[] = applyNoise(work, this.chooseTags(work), this.rng);
    const levels = rendered.levels;
    if (levels.includes('village_group')) tags.push('village_group');
    if (levels[0] === 'poi') tags.push('poi');
    this.count(tags);
    return {
      segments: work.segs.map(({ style: _style, ...s }) => s),
      expectedKey: node.key,
      tags,
      townName: rendered.town.name,
      keyCommunity: rendered.keyCommunity,
    };
  }

  /** An intersection of two roads of one township: road, 与, subroad, 交叉口. */
  intersectionCase(): CaseDraft {
    const byTown = this.pool.get('road');
    if (!byTown) throw new Error('library has no roads');
    const towns = [...byTown.keys()].filter((t) => (byTown.get(t) ?? []).length >= 2);
    const roads = byTown.get(this.rng.pick(towns))!;
    const [a, b] = this.rng.shuffle(roads);
    const town = this.view.townOf(a);
    const segs: Segment[] = prefixSegments(town, null);
    const start = this.rng.weighted<number>([
      [0, 2],
      [1, 1],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);
    const tags = ['intersection'];
    if (start > 0) tags.push('missing_prefix');
    const out: Segment[] = segs.slice(start);
    if (this.rng.chance(0.25) && out.length > 0) {
      const shortable = out.filter((s) => s.label === 'district' || s.label === 'town');
      for (const s of shortable) {
        s.normalized = s.text;
        s.text = s.label === 'district' ? '奉化' : town.shortName;
      }
      if (shortable.length > 0) tags.push('short_names');
    }
    out.push({ text: a.name, label: 'road' });
    const connector = this.rng.weighted<string>([
      ['与', 5],
      ['和', 3],
      ['跟', 1],
    ]);
    out.push({ text: connector, label: 'assist' });
    out.push({ text: b.name, label: 'subroad' });
    const word = this.rng.weighted<string>([
      ['交叉口', 5],
      ['路口', 3],
      ['交界处', 1],
      ['十字路口', 1],
    ]);
    out.push({ text: word, label: 'intersection', normalized: '交叉口' });
    if (this.rng.chance(0.3)) {
      out.push({ text: this.rng.pick(['附近', '东北角', '西南角', '东侧', '往南50米']), label: 'assist' });
      tags.push('assist');
    }
    if (this.rng.chance(0.15)) {
      out.push({ text: this.rng.pick(['，', ' ']), label: null });
      out.push({ text: this.rng.pick(['路灯不亮', '有积水', '井盖缺失', '占道经营']), label: 'otherinfo' });
      tags.push('otherinfo');
    }
    this.count(tags);
    return { segments: out, expectedKey: a.key, tags, townName: town.name, keyCommunity: null };
  }
}
