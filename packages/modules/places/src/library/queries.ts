import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requireAuthenticated, requirePermission } from '@zhizhi/kernel/access';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { eq } from 'drizzle-orm';
import type { LibraryNode } from '../matcher/library-index';
import { type MatchResult, matchAddress } from '../matcher/match';
import { parseAddress } from '../parser/parse';
import { PLACES_PERMISSIONS as P } from '../permissions';
import { placesAddress, placesAlias, placesEntrance } from '../schema';
import type { ParsedAddress } from '../types';
import type { PlaceGeo } from './geo';
import type { LibraryStore } from './store';

export const MAX_ADDRESS_LENGTH = 500;

/** Refuses empty and oversized input (the parser itself takes any string). */
export function checkAddressText(text: unknown): string {
  if (typeof text !== 'string' || text.trim().length === 0) {
    throw new InputError('places.address.required', 'An address is required.');
  }
  if (text.length > MAX_ADDRESS_LENGTH) {
    throw new InputError(
      'places.address.too_long',
      `An address may be at most ${MAX_ADDRESS_LENGTH} characters.`,
    );
  }
  return text;
}

/** A node as the API shows it. */
export function nodeView(node: LibraryNode, townName: string | null, divisionName: string | null) {
  return {
    id: node.id,
    key: node.key,
    level: node.level,
    name: node.name,
    parentId: node.parentId,
    divisionCode: node.divisionCode,
    divisionName,
    townName,
    gridCode: node.gridCode,
    lng: node.lng,
    lat: node.lat,
    current: !node.validTo,
  };
}

export function createPlaceQueries(kernel: Kernel, store: LibraryStore, geo: PlaceGeo) {
  async function view(node: LibraryNode) {
    const { gazetteer } = await store.current();
    const town = gazetteer.townOf(node.divisionCode);
    return nodeView(node, town ? gazetteer.nameOf(town) : null, gazetteer.nameOf(node.divisionCode));
  }

  async function parse(text: string): Promise<ParsedAddress> {
    const { gazetteer } = await store.current();
    return parseAddress(checkAddressText(text), gazetteer);
  }

  async function match(text: string): Promise<MatchResult> {
    const { gazetteer, index } = await store.current();
    return matchAddress(parseAddress(checkAddressText(text), gazetteer), index, gazetteer);
  }

  /** The first node on the way up with a point (rooms and floors use their building's). */
  function located(node: LibraryNode, byId: (id: string) => LibraryNode | undefined) {
    for (let at: LibraryNode | undefined = node, hops = 0; at && hops < 10; hops++) {
      if (at.lng !== null && at.lat !== null) return { lng: at.lng, lat: at.lat, level: at.level };
      at = at.parentId ? byId(at.parentId) : undefined;
    }
    return null;
  }

  /** Address → coordinates: the matched entry's point (or, for a partial match, the deepest found). */
  async function geocode(text: string) {
    const { index } = await store.current();
    const result = await match(text);
    const hit = result.best ?? result.candidates[0] ?? null;
    if (!hit) return { standard: result.parsed.standard, match: null, point: null, precision: null };
    const point = located(hit.node, index.byId);
    return {
      standard: result.parsed.standard,
      match: { ...(await view(hit.node)), confidence: hit.confidence, complete: hit.complete },
      point: point ? { lng: point.lng, lat: point.lat } : null,
      precision: point?.level ?? null,
    };
  }

  async function reverse(lng: number, lat: number, maxMeters?: number) {
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      throw new InputError('places.point.invalid', 'lng and lat must be valid coordinates.');
    }
    const { index } = await store.current();
    const result = await geo.reverse(index, { lng, lat }, maxMeters);
    return {
      ...result,
      nearest: result.nearest
        ? { ...(await view(result.nearest.node)), distanceMeters: Math.round(result.nearest.distanceMeters) }
        : null,
    };
  }

  /**
   * Autocomplete: the best matches of what was typed, then entries whose name starts with the
   * last element typed (阳光 → 阳光花园; 阳光花园3 → 3幢, 30幢 …), at most `limit`.
   */
  async function search(actor: Actor, text: string, limit = 10) {
    requireAuthenticated(actor);
    const q = checkAddressText(text).trim();
    const { gazetteer, index } = await store.current();
    const parsed = parseAddress(q, gazetteer);
    const result = matchAddress(parsed, index, gazetteer);
    const seen = new Set<string>();
    const out: (ReturnType<typeof nodeView> & { confidence: number | null; via: string })[] = [];
    const push = async (node: LibraryNode, confidence: number | null, via: string) => {
      if (seen.has(node.id) || out.length >= limit) return;
      seen.add(node.id);
      out.push({ ...(await view(node)), confidence, via });
    };
    for (const candidate of result.candidates) {
      await push(candidate.node, candidate.confidence, candidate.complete ? 'match' : 'partial');
    }
    // Children of the deepest partial match whose names continue what was typed.
    const deepest = result.candidates[0];
    const lastTyped = parsed.elements.at(-1);
    if (deepest && lastTyped) {
      const digits = /^\d+/.exec(lastTyped.value.normalize('NFKC'))?.[0];
      const children = [...index.childrenOf(deepest.node.id)].sort((a, b) =>
        a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
      );
      for (const node of children) {
        if (out.length >= limit) break;
        if (node.validTo) continue;
        if (!digits || node.name.startsWith(digits)) await push(node, null, 'child');
      }
    }
    // Anchors whose name or alias contains the text (typed without any division).
    if (out.length < limit && q.length >= 2) {
      for (const node of index.nodes()) {
        if (out.length >= limit) break;
        if (
          node.validTo ||
          !(
            node.level === 'road' ||
            node.level === 'estate' ||
            node.level === 'poi' ||
            node.level === 'natural_village'
          )
        )
          continue;
        if (node.name.includes(q) || node.aliases.some((alias) => alias.includes(q)))
          await push(node, null, 'name');
      }
    }
    return { standard: parsed.standard, results: out };
  }

  /** One entry with its path, children, aliases and entrances. */
  async function get(actor: Actor, id: string) {
    requirePermission(actor, P.read);
    const { index } = await store.current();
    const node = /^[0-9a-f-]{36}$/i.test(id) ? index.byId(id) : undefined;
    if (!node) throw new NotFoundError('places.address.not_found', 'No such address entry.');
    const [row] = await kernel.db.select().from(placesAddress).where(eq(placesAddress.id, id));
    const aliases = await kernel.db.select().from(placesAlias).where(eq(placesAlias.addressId, id));
    const entrances = await kernel.db.select().from(placesEntrance).where(eq(placesEntrance.addressId, id));
    const children = [...index.childrenOf(id)];
    children.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
    const code = await kernel.codes.get('places.doorplate', id);
    return {
      ...(await view(node)),
      category: row?.category ?? null,
      validFrom: row?.validFrom ?? null,
      validTo: row?.validTo ?? null,
      replacedBy: node.replacedById,
      source: row?.source ?? null,
      quality: row ? { ...row.quality } : null,
      path: await Promise.all(index.path(node).map(view)),
      children: await Promise.all(children.slice(0, 500).map(view)),
      childCount: children.length,
      aliases: aliases.map((a) => ({ kind: a.kind, alias: a.alias, source: a.source })),
      entrances: entrances.map((e) => ({ label: e.label, lng: e.lng, lat: e.lat })),
      doorplateCode: code?.token ?? null,
    };
  }

  /** Entries with a point inside a box, for the map (door numbers only when zoomed in). */
  async function inBox(
    actor: Actor,
    box: { west: number; south: number; east: number; north: number },
    limit = 3000,
  ) {
    requirePermission(actor, P.read);
    const { index } = await store.current();
    const wide = box.east - box.west > 0.05 || box.north - box.south > 0.05;
    const out: ReturnType<typeof nodeView>[] = [];
    for (const node of index.nodes()) {
      if (out.length >= limit) break;
      if (node.lng === null || node.lat === null || node.validTo) continue;
      if (node.lng < box.west || node.lng > box.east || node.lat < box.south || node.lat > box.north)
        continue;
      if (wide && node.level !== 'estate' && node.level !== 'poi' && node.level !== 'natural_village')
        continue;
      out.push(await view(node));
    }
    return { truncated: out.length >= limit, wide, features: out };
  }

  /** Area polygons of one level as a GeoJSON FeatureCollection. */
  async function areasGeoJson(actor: Actor, level: 'town' | 'village' | 'grid') {
    requirePermission(actor, P.read);
    const areas = await geo.areasOf(level);
    return {
      type: 'FeatureCollection' as const,
      features: areas.map((area) => ({
        type: 'Feature' as const,
        properties: { code: area.code, name: area.name, level: area.level, approximate: area.approximate },
        geometry: area.geometry as unknown as Record<string, unknown>,
      })),
    };
  }

  return { parse, match, geocode, reverse, search, get, inBox, view, areasGeoJson };
}

export type PlaceQueries = ReturnType<typeof createPlaceQueries>;
