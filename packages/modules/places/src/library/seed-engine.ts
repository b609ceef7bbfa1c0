import { buildLibraryIndex, type LibraryIndex, type LibraryNode } from '../matcher/library-index';
import { createGazetteer, type Gazetteer, type GazetteerDivision } from '../parser/gazetteer';
import type { PlaceSeed } from '../types';
import { gazetteerPlaces } from './store';

/** Seed rows as the matcher holds them, without a database (ids are the keys). */
export function nodesFromSeeds(places: readonly PlaceSeed[]): LibraryNode[] {
  return places.map((seed) => ({
    id: seed.key,
    key: seed.key,
    parentId: seed.parentKey,
    level: seed.level,
    name: seed.name,
    divisionCode: seed.divisionCode,
    gridCode: seed.gridCode,
    lng: seed.lng,
    lat: seed.lat,
    validTo: seed.validTo ?? null,
    replacedById: seed.replacedByKey ?? null,
    aliases: seed.aliases ?? [],
    category: seed.category ?? null,
  }));
}

/**
 * The gazetteer and library index of a region pack's seed data, built in memory the way the store
 * builds them from the database: for benchmarks, tests and offline tools.
 */
export function engineFromSeeds(
  places: readonly PlaceSeed[],
  divisions: readonly GazetteerDivision[],
): { gazetteer: Gazetteer; index: LibraryIndex; nodes: LibraryNode[] } {
  const nodes = nodesFromSeeds(places);
  const gazetteer = createGazetteer({ divisions, places: gazetteerPlaces(nodes) });
  return { gazetteer, index: buildLibraryIndex(nodes), nodes };
}
