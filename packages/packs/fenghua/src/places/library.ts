import type { PlaceSeed } from '@zhizhi/places';
import { fenghuaTownships } from '../divisions';
import { townSeats } from '../geo';
import { placeAreaIndex } from './areas';
import { PlaceBuilder } from './builder';
import { addEstate, estateNames } from './library-estates';
import { addTownPois, addVillageServiceStation } from './library-pois';
import { addVillageClusters } from './library-rural';
import { addTownRoads } from './library-roads';
import { PINNED_ESTATES, RURAL_TOWN_CODES, URBAN_ROADS } from './names';
import { stableHash } from './random';

function build(): PlaceSeed[] {
  const index = placeAreaIndex();
  const builder = new PlaceBuilder();
  for (const township of fenghuaTownships) {
    const seat = townSeats.find((row) => row.code === township.code)!;
    const town = { ...township, seat: { lng: seat.lng, lat: seat.lat } };
    const roads = URBAN_ROADS[town.code];
    const rural = RURAL_TOWN_CODES.includes(town.code);
    addTownPois(builder, town);
    if (roads) addTownRoads(builder, index, town, roads);
    const estateNamesInTown = new Set<string>();
    for (const village of index.villagesOfTown.get(town.code) ?? []) {
      addVillageServiceStation(builder, index, town.name, village);
      const taken = [index.villagePoints.get(village.code)!];
      if (village.kind === '村') {
        addVillageClusters(builder, index, town.name, village, rural, taken);
        continue;
      }
      // Communities of towns laid out in roads get one to three estates, others one.
      const count = roads ? 1 + (stableHash(village.code) % 3) : 1;
      for (const spec of estateNames(village, count, PINNED_ESTATES, estateNamesInTown)) {
        addEstate(builder, index, town.name, village, spec, taken);
      }
    }
  }
  return builder.seeds;
}

let cached: PlaceSeed[] | undefined;

/**
 * The Fenghua demo standard address library (about 20,000 nodes): roads with door numbers in the
 * urban townships and 溪口's centre, estates down to units (some down to rooms), natural villages
 * and village groups with door numbers, and service POIs. Keys are the full standard address;
 * parents come before children. Deterministic; the same array every call (treat it as read-only).
 */
export function fenghuaPlaceLibrary(): PlaceSeed[] {
  cached ??= build();
  return cached;
}
