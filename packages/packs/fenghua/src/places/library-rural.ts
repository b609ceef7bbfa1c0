import type { LngLat } from '@zhizhi/kernel/geo';
import type { PlaceAreaIndex, PlaceVillage } from './areas';
import { dateFor, type PlaceBuilder, placeKey } from './builder';
import { clusterSpot, nearbySpot } from './library-estates';
import { HAMLET_PREFIXES, HAMLET_ROOTS, villageStem } from './names';
import { type Rng, rngFor } from './random';

/** What a village is laid out as: natural villages (自然村), village groups (X组), or both. */
type Layout = { hamlets: number; groups: number; doors: [number, number] };

function layoutOf(village: PlaceVillage, rural: boolean, rng: Rng): Layout {
  // Farm and forest 生活区 (NBS 5xx) are one or two groups of staff housing.
  if (Number(village.code.slice(9)) >= 500) return { hamlets: 0, groups: rng.int(1, 2), doors: [5, 10] };
  if (!rural) return { hamlets: 0, groups: rng.int(2, 4), doors: [4, 9] };
  switch (rng.int(0, 2)) {
    case 0:
      return { hamlets: rng.int(2, 4), groups: 0, doors: [6, 18] };
    case 1:
      return { hamlets: 0, groups: rng.int(3, 6), doors: [5, 13] };
    default:
      return { hamlets: rng.int(1, 2), groups: rng.int(2, 4), doors: [5, 13] };
  }
}

/** Natural village names for one village, unique within it and different from the village's own stem. */
function hamletNames(village: PlaceVillage, count: number, rng: Rng): string[] {
  const stem = villageStem(village.name);
  const names: string[] = [];
  for (let i = 0; names.length < count && i < 200; i++) {
    const root = rng.pick(HAMLET_ROOTS);
    // One-character roots always take a prefix (后竺), two-character ones now and then (上白岩, 塘头),
    // three-character ones never (枫树湾).
    const prefixed = root.length === 1 || (root.length === 2 && rng.chance(0.7));
    const name = prefixed ? `${rng.pick(HAMLET_PREFIXES)}${root}` : root;
    if (name !== stem && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Natural villages and/or village groups of one 村, each with door numbers (`15号`) placed around
 * the cluster inside the village polygon. Keys carry the village name (these are village-level).
 */
export function addVillageClusters(
  builder: PlaceBuilder,
  index: PlaceAreaIndex,
  townName: string,
  village: PlaceVillage,
  rural: boolean,
  taken: LngLat[],
): void {
  const rng = rngFor(`places:clusters:${village.code}`);
  const layout = layoutOf(village, rural, rng);
  const clusters = [
    ...hamletNames(village, layout.hamlets, rng).map((name) => ({ name, level: 'natural_village' as const })),
    ...Array.from({ length: layout.groups }, (_, g) => ({
      name: `${g + 1}组`,
      level: 'village_group' as const,
    })),
  ];
  const validFrom = dateFor(`village:${village.code}`, 2016, 2019);
  const spacing = 400;
  for (const cluster of clusters) {
    const spot = clusterSpot(index, village.code, taken, rng, spacing);
    const clusterKey = placeKey(townName, village.name, cluster.name);
    builder.add({
      key: clusterKey,
      parentKey: null,
      level: cluster.level,
      name: cluster.name,
      divisionCode: village.code,
      gridCode: null,
      point: spot.point,
      validFrom,
    });
    const doors = rng.int(layout.doors[0], layout.doors[1]);
    for (let n = 1; n <= doors; n++) {
      const place = nearbySpot(index, village.code, spot.point, 60 + 10 * doors, rng);
      if (!place) continue;
      builder.add({
        key: placeKey(townName, village.name, `${cluster.name}${n}号`),
        parentKey: clusterKey,
        level: 'doorplate',
        name: `${n}号`,
        divisionCode: village.code,
        gridCode: place.gridCode,
        point: place.point,
        validFrom,
      });
    }
  }
}
