import type { Kernel } from '@zhizhi/kernel';
import { type Executor, rows } from '@zhizhi/kernel/db';
import { bboxOf } from '@zhizhi/kernel/geo';
import { newId } from '@zhizhi/kernel/ids';
import { orgDivision } from '@zhizhi/kernel/org';
import { eq, sql } from 'drizzle-orm';
import { buildLibraryIndex, type LibraryIndex, type LibraryNode } from '../matcher/library-index';
import { createGazetteer, type Gazetteer, type GazetteerPlace } from '../parser/gazetteer';
import { placesAddress, placesAlias, placesArea, placesEntrance } from '../schema';
import type { AreaSeed, PlaceSeed } from '../types';

/** What parsing and matching need, built from the database and kept in memory. */
export interface Engine {
  gazetteer: Gazetteer;
  index: LibraryIndex;
  builtAt: number;
  stamp: string;
}

const GAZETTEER_LEVELS: Partial<Record<LibraryNode['level'], GazetteerPlace['label']>> = {
  road: 'road',
  estate: 'poi',
  natural_village: 'poi',
  poi: 'poi',
};

/** Gazetteer places from the library's anchors (roads, estates, natural villages, POIs). */
export function gazetteerPlaces(nodes: readonly LibraryNode[]): GazetteerPlace[] {
  const out: GazetteerPlace[] = [];
  for (const node of nodes) {
    const label = GAZETTEER_LEVELS[node.level];
    if (label) out.push({ name: node.name, label, divisionCode: node.divisionCode, aliases: node.aliases });
  }
  return out;
}

// Another node's writes reach this one within this long (a cheap stamp query decides).
const STAMP_EVERY_MS = 2_000;
const BATCH = 500;

export function createLibraryStore(kernel: Kernel, options: { devzones?: readonly string[] } = {}) {
  const { db, clock } = kernel;
  let engine: Engine | null = null;
  let building: Promise<Engine> | null = null;
  let checkedAt = 0;

  async function stampOf(executor: Executor): Promise<string> {
    const [row] = await rows<{ n: number | string; at: string | null; a: number | string }>(
      executor,
      sql`select (select count(*) from places_address) as n,
             (select max(updated_at)::text from places_address) as at,
             (select count(*) from places_alias) as a`,
    );
    return `${row?.n}|${row?.at}|${row?.a}`;
  }

  async function build(executor: Executor): Promise<Engine> {
    const stamp = await stampOf(executor);
    const divisions = await executor
      .select({
        code: orgDivision.code,
        name: orgDivision.name,
        level: orgDivision.level,
        parentCode: orgDivision.parentCode,
        validTo: orgDivision.validTo,
        replacedBy: orgDivision.replacedBy,
      })
      .from(orgDivision);
    const addressRows = await executor
      .select({
        id: placesAddress.id,
        key: placesAddress.key,
        parentId: placesAddress.parentId,
        level: placesAddress.level,
        name: placesAddress.name,
        divisionCode: placesAddress.divisionCode,
        gridCode: placesAddress.gridCode,
        lng: placesAddress.lng,
        lat: placesAddress.lat,
        validTo: placesAddress.validTo,
        replacedById: placesAddress.replacedBy,
        category: placesAddress.category,
      })
      .from(placesAddress);
    const aliases = await executor
      .select({ addressId: placesAlias.addressId, alias: placesAlias.alias })
      .from(placesAlias)
      .where(eq(placesAlias.kind, 'name'));
    const aliasesOf = new Map<string, string[]>();
    for (const { addressId, alias } of aliases) {
      const list = aliasesOf.get(addressId);
      if (list) list.push(alias);
      else aliasesOf.set(addressId, [alias]);
    }
    const nodes: LibraryNode[] = addressRows.map((row) => ({ ...row, aliases: aliasesOf.get(row.id) ?? [] }));
    const index = buildLibraryIndex(nodes);
    const gazetteer = createGazetteer({
      divisions: divisions.map((d) => ({ ...d, validTo: d.validTo ?? null })),
      places: gazetteerPlaces(nodes),
      devzones: options.devzones,
    });
    return { gazetteer, index, builtAt: clock.now().getTime(), stamp };
  }

  /** The current engine; rebuilt when the library changed (here or on another node). */
  async function current(executor: Executor = db): Promise<Engine> {
    const now = Date.now();
    if (engine && now - checkedAt < STAMP_EVERY_MS) return engine;
    if (building) return building;
    building = (async () => {
      try {
        const stamp = await stampOf(executor);
        checkedAt = Date.now();
        if (!engine || engine.stamp !== stamp) engine = await build(executor);
        return engine;
      } finally {
        building = null;
      }
    })();
    return building;
  }

  /** Forget the engine: the next call rebuilds it (after this node's own writes). */
  function invalidate() {
    checkedAt = 0;
  }

  /**
   * Loads a region pack's library and areas; existing keys are left alone, so it is idempotent
   * and never overwrites what reviewers changed.
   */
  async function seed(tx: Executor, places: readonly PlaceSeed[], areas: readonly AreaSeed[]) {
    const now = clock.now();
    const existing = await tx.select({ id: placesAddress.id, key: placesAddress.key }).from(placesAddress);
    const ids = new Map(existing.map((row) => [row.key, row.id]));
    const fresh = places.filter((place) => !ids.has(place.key));
    for (const place of fresh) ids.set(place.key, newId());
    for (let i = 0; i < fresh.length; i += BATCH) {
      const chunk = fresh.slice(i, i + BATCH);
      await tx.insert(placesAddress).values(
        chunk.map((place) => ({
          id: ids.get(place.key) as string,
          key: place.key,
          parentId: place.parentKey ? (ids.get(place.parentKey) ?? null) : null,
          level: place.level,
          name: place.name,
          divisionCode: place.divisionCode,
          gridCode: place.gridCode,
          lng: place.lng,
          lat: place.lat,
          category: place.category ?? null,
          validFrom: place.validFrom,
          validTo: place.validTo ?? null,
          replacedBy: place.replacedByKey ? (ids.get(place.replacedByKey) ?? null) : null,
          source: place.source,
          quality: { method: 'seed' },
          createdAt: now,
          updatedAt: now,
        })),
      );
      const aliasRows = chunk.flatMap((place) =>
        (place.aliases ?? []).map((alias) => ({
          id: newId(),
          addressId: ids.get(place.key) as string,
          kind: 'name' as const,
          alias,
          source: place.source,
          createdAt: now,
        })),
      );
      if (aliasRows.length > 0) await tx.insert(placesAlias).values(aliasRows).onConflictDoNothing();
      const entranceRows = chunk.flatMap((place) =>
        (place.entrances ?? []).map((entrance) => ({
          id: newId(),
          addressId: ids.get(place.key) as string,
          ...entrance,
        })),
      );
      if (entranceRows.length > 0) await tx.insert(placesEntrance).values(entranceRows);
    }
    for (let i = 0; i < areas.length; i += BATCH) {
      const values = areas.slice(i, i + BATCH).map((area) => {
        const [west, south, east, north] = bboxOf(area.geometry as Parameters<typeof bboxOf>[0]);
        return { ...area, west, south, east, north, updatedAt: now };
      });
      await tx.insert(placesArea).values(values).onConflictDoNothing();
    }
    invalidate();
    return { inserted: fresh.length, areas: areas.length };
  }

  return { current, invalidate, seed };
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
