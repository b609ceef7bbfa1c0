import type { LngLat } from '@zhizhi/kernel/geo';
import type { PlaceSeed } from '@zhizhi/places';
import { stableHash } from './random';

/** Prefix of every key: the standard address above the township. */
export const KEY_PREFIX = '浙江省宁波市奉化区';

/** `source` of every node of the demo library. */
export const DEMO_SOURCE = 'fenghua-demo';

/** POI categories used by the demo library (shown on doorplate pages). */
export const POI_CATEGORIES = [
  '便民服务中心',
  '卫生院/社区卫生服务中心',
  '医院',
  '学校',
  '派出所',
  '村（社区）便民服务站',
  '公园',
  '车站',
] as const;

export type PoiCategory = (typeof POI_CATEGORIES)[number];

/**
 * The natural key: prefix + township + (village, only under a village-level top element) + tail.
 * `中山东路26号` under 锦屏街道 → 浙江省宁波市奉化区锦屏街道中山东路26号.
 */
export function placeKey(townName: string, villageName: string | null, tail: string): string {
  return `${KEY_PREFIX}${townName}${villageName ?? ''}${tail}`;
}

/** A stable date in [fromYear, toYear] for a seed string (day 1–28, so every month has it). */
export function dateFor(seed: string, fromYear: number, toYear: number): string {
  const hash = stableHash(seed);
  const year = fromYear + (hash % (toYear - fromYear + 1));
  const month = 1 + ((hash >>> 8) % 12);
  const day = 1 + ((hash >>> 16) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** A node as the generators describe it; `source` is added by the builder. */
export type PlaceDraft = Omit<PlaceSeed, 'source' | 'lng' | 'lat'> & { point: LngLat | null };

/** Collects nodes in emission order (parents first) and refuses duplicate keys and unknown parents. */
export class PlaceBuilder {
  readonly seeds: PlaceSeed[] = [];
  private readonly keys = new Set<string>();

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(draft: PlaceDraft): PlaceSeed {
    if (this.keys.has(draft.key)) throw new Error(`place library: duplicate key ${draft.key}`);
    if (draft.parentKey !== null && !this.keys.has(draft.parentKey)) {
      throw new Error(`place library: parent ${draft.parentKey} of ${draft.key} not added yet`);
    }
    const { point, ...rest } = draft;
    const seed: PlaceSeed = {
      ...rest,
      lng: point?.lng ?? null,
      lat: point?.lat ?? null,
      source: DEMO_SOURCE,
    };
    this.keys.add(seed.key);
    this.seeds.push(seed);
    return seed;
  }
}
