import type { DivisionSeed } from './divisions';

/** One grid (网格) row for `org_grid`. */
export type GridSeed = {
  /** Village code + 3-digit sequence, e.g. 330213001005001. */
  code: string;
  /** e.g. 锦屏街道南门社区第1网格. */
  name: string;
  villageCode: string;
};

/** FNV-1a over the code: a stable, well-spread number without Math.random. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Communities get 3–6 grids, villages 1–3, always the same number for the same code. */
export function gridCountFor(village: Pick<DivisionSeed, 'code' | 'kind'>): number {
  const hash = stableHash(village.code);
  return village.kind === '社区' ? 3 + (hash % 4) : 1 + (hash % 3);
}

/**
 * Demo grids for every current village/community in `divisions`. Real grid lists come from the
 * district's 网格 register; these exist so the demo has workers, events and a map layer to show.
 */
export function fenghuaGrids(divisions: readonly DivisionSeed[]): GridSeed[] {
  const names = new Map(divisions.map((division) => [division.code, division.name]));
  const grids: GridSeed[] = [];
  for (const village of divisions) {
    if (village.level !== 'village' || village.validTo !== null) continue;
    const townName = village.parentCode ? (names.get(village.parentCode) ?? '') : '';
    const count = gridCountFor(village);
    for (let n = 1; n <= count; n++) {
      grids.push({
        code: `${village.code}${String(n).padStart(3, '0')}`,
        name: `${townName}${village.name}第${n}网格`,
        villageCode: village.code,
      });
    }
  }
  return grids;
}
