import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { haversineMeters } from '@zhizhi/kernel/geo';
import { orgGrid } from '@zhizhi/kernel/org';
import { eq } from 'drizzle-orm';
import type { LibraryNode } from '../matcher/library-index';
import { PLACES_PERMISSIONS as P } from '../permissions';
import type { LibraryStore } from '../library/store';

export const DOORPLATE_CODE_KIND = 'places.doorplate';
/** Levels that carry a plate: door numbers, and buildings (楼栋牌) in estates. */
const PLATE_LEVELS = new Set(['doorplate', 'building']);
const MAX_SHEET = 1000;
const NEARBY_METERS = 3000;

/**
 * Digital doorplates (数字门牌): a signed code per plate (kernel `codes`); its public page shows the
 * standard address, the grid and the public services nearby — never who lives there.
 */
export function createDoorplateService(kernel: Kernel, store: LibraryStore) {
  /** Plates to print: the given entries, or every plate below one entry (a road, an estate). */
  async function platesFor(ids: { addressIds?: readonly string[]; parentId?: string }) {
    const { index } = await store.current();
    const nodes: LibraryNode[] = [];
    if (ids.parentId) {
      const parent = index.byId(ids.parentId);
      if (!parent) throw new NotFoundError('places.address.not_found', 'No such address entry.');
      const stack = [parent];
      while (stack.length > 0 && nodes.length <= MAX_SHEET) {
        const at = stack.pop() as LibraryNode;
        if (PLATE_LEVELS.has(at.level) && !at.validTo) nodes.push(at);
        if (at.level === 'building') continue;
        stack.push(...index.childrenOf(at.id));
      }
    } else {
      for (const id of ids.addressIds ?? []) {
        const node = index.byId(id);
        if (!node) throw new NotFoundError('places.address.not_found', `No address entry ${id}.`);
        if (!PLATE_LEVELS.has(node.level)) {
          throw new InputError('places.doorplate.level', 'Only door numbers and buildings carry a plate.', {
            id,
          });
        }
        nodes.push(node);
      }
    }
    if (nodes.length === 0)
      throw new InputError('places.doorplate.none', 'There are no plates here to print.');
    if (nodes.length > MAX_SHEET) {
      throw new InputError(
        'places.doorplate.too_many',
        `At most ${MAX_SHEET} plates per sheet; choose a smaller area.`,
      );
    }
    nodes.sort((a, b) => a.key.localeCompare(b.key, 'zh-CN', { numeric: true }));
    return nodes;
  }

  /** Issues (idempotently) the codes of the plates and returns the printable sheet. */
  async function sheet(actor: Actor, input: { addressIds?: string[]; parentId?: string; baseUrl: string }) {
    requirePermission(actor, P.manage);
    const nodes = await platesFor(input);
    const issued = await kernel.transaction((tx) =>
      kernel.codes.issueMany(
        tx,
        DOORPLATE_CODE_KIND,
        nodes.map((node) => node.id),
        actor,
      ),
    );
    const plates = await Promise.all(
      nodes.map(async (node, i) => {
        const code = issued[i] as (typeof issued)[number];
        const url = kernel.codes.url(code.token, input.baseUrl);
        return {
          addressId: node.id,
          address: node.key,
          name: node.name,
          level: node.level,
          token: code.token,
          url,
          qrSvg: await kernel.codes.qrSvg(url),
        };
      }),
    );
    return { count: plates.length, plates };
  }

  /** The public page of a plate: address, grid, township and the services within reach. */
  async function publicView(token: string) {
    const code = await kernel.codes.resolve(token);
    if (code.kind !== DOORPLATE_CODE_KIND)
      throw new NotFoundError('codes.code.not_found', 'No such doorplate.');
    const { index, gazetteer } = await store.current();
    const node = index.byId(code.entityId);
    if (!node) throw new NotFoundError('codes.code.not_found', 'No such doorplate.');
    const replacement = node.replacedById ? index.byId(node.replacedById) : undefined;
    const [grid] = node.gridCode
      ? await kernel.db
          .select({ code: orgGrid.code, name: orgGrid.name })
          .from(orgGrid)
          .where(eq(orgGrid.code, node.gridCode))
      : [];
    const townCode = gazetteer.townOf(node.divisionCode);
    const services: {
      name: string;
      category: string | null;
      distanceMeters: number;
      lng: number;
      lat: number;
    }[] = [];
    if (node.lng !== null && node.lat !== null) {
      const here = { lng: node.lng, lat: node.lat };
      // Public services come from the in-memory library (no query per scan of a plate).
      const pois = index.nodes().filter((other) => other.level === 'poi' && !other.validTo);
      for (const poi of pois) {
        if (poi.lng === null || poi.lat === null) continue;
        const distanceMeters = Math.round(haversineMeters(here, { lng: poi.lng, lat: poi.lat }));
        if (distanceMeters <= NEARBY_METERS)
          services.push({
            name: poi.name,
            category: poi.category ?? null,
            distanceMeters,
            lng: poi.lng,
            lat: poi.lat,
          });
      }
      services.sort((a, b) => a.distanceMeters - b.distanceMeters);
    }
    return {
      address: node.key,
      name: node.name,
      level: node.level,
      current: !node.validTo,
      replacedBy: replacement?.key ?? null,
      town: townCode ? gazetteer.nameOf(townCode) : null,
      village: gazetteer.nameOf(node.divisionCode),
      grid: grid ? { code: grid.code, name: grid.name } : null,
      point: node.lng !== null && node.lat !== null ? { lng: node.lng, lat: node.lat } : null,
      services: services.slice(0, 12),
      issuedAt: code.issuedAt,
    };
  }

  return { sheet, publicView };
}

export type DoorplateService = ReturnType<typeof createDoorplateService>;
