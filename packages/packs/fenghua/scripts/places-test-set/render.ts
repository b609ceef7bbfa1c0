/** Renders a library node into the clean segment list of its full standard address. */
import {
  DISTRICT_CODE,
  type LibraryNode,
  type LibraryView,
  type TownInfo,
  type VillageInfo,
} from './library-view';
import type { Prng } from './prng';
import type { Label, NumberInfo, NumberUnit, Segment } from './segments';

/** A clean rendering plus what the noise operators need to know about the node. */
export interface Rendered {
  node: LibraryNode;
  segments: Segment[];
  town: TownInfo;
  /** The village-level division of the node, written or not. */
  village: VillageInfo | null;
  keyCommunity: string | null;
  /** Levels of the chain, top first. */
  levels: string[];
  /** A room in a building with one unit: `2-502` names it without the unit. */
  singleUnit: boolean;
}

const NUMBER_RE = /^(\d+)(?:-(\d+))?(号|幢|单元|层|室|组)$/;

export function parseNumber(name: string): NumberInfo | undefined {
  const m = NUMBER_RE.exec(name);
  if (!m) return undefined;
  const info: NumberInfo = { main: Number(m[1]), unit: m[3] as NumberUnit };
  if (m[2] !== undefined) info.sub = Number(m[2]);
  return info;
}

const LEVEL_LABEL: Readonly<Record<string, Label>> = {
  road: 'road',
  estate: 'poi',
  natural_village: 'poi',
  poi: 'poi',
  village_group: 'village_group',
  doorplate: 'roadno',
  building: 'houseno',
  unit: 'cellno',
  floor: 'floorno',
  room: 'roomno',
};

/** Segments of the division prefix: 浙江省 宁波市 奉化区 town (community). */
export function prefixSegments(town: TownInfo, village: VillageInfo | null): Segment[] {
  const out: Segment[] = [
    { text: '浙江省', label: 'prov' },
    { text: '宁波市', label: 'city' },
    { text: '奉化区', label: 'district', code: DISTRICT_CODE },
    { text: town.name, label: 'town', code: town.code },
  ];
  if (village) out.push({ text: village.name, label: 'community', code: village.code });
  return out;
}

function elementSegment(node: LibraryNode): Segment {
  const label = LEVEL_LABEL[node.level];
  if (!label) throw new Error(`unknown level ${node.level} at ${node.key}`);
  const seg: Segment = { text: node.name, label };
  const num = parseNumber(node.name);
  if (num && ['roadno', 'houseno', 'cellno', 'floorno', 'roomno', 'village_group'].includes(label))
    seg.num = num;
  return seg;
}

/**
 * The clean form. The community is written when the key carries it and, for places whose division is
 * a village but whose key does not name it (roads, estates of a 社区), sometimes anyway, as people do.
 * Rooms are written without the floor, sometimes with it (`5楼502室`).
 */
export function renderNode(view: LibraryView, node: LibraryNode, rng: Prng): Rendered {
  const chain = view.chain(node);
  const top = chain[0];
  const town = view.townOf(top);
  const keyCommunity = view.keyCommunity(node);
  const village = view.villageOf(node) ?? view.villageOf(top);
  const writeCommunity = keyCommunity !== null || (village !== null && rng.chance(0.2));
  const written = writeCommunity
    ? keyCommunity !== null
      ? view.villageByName(town.code, keyCommunity)
      : village
    : null;
  const segments = prefixSegments(town, written);
  // POIs named after their division (锦屏街道便民服务中心, 南门社区便民服务站) are written without
  // repeating it; the standard form completes the division from the key.
  if (top.level === 'poi') {
    for (const label of ['community', 'town'] as const) {
      const seg = segments.find((s) => s.label === label);
      if (seg && top.name.startsWith(seg.text) && rng.chance(0.85)) segments.splice(segments.indexOf(seg), 1);
    }
  }
  const withFloor = node.level === 'room' && rng.chance(0.2);
  for (const link of chain) {
    if (link.level === 'floor' && node.level === 'room' && !withFloor) continue;
    segments.push(elementSegment(link));
  }
  if (withFloor && !chain.some((l) => l.level === 'floor')) {
    // No floor node above the room: derive the floor from the room number (502 → 5).
    const room = segments[segments.length - 1];
    const floor = room.num ? Math.floor(room.num.main / 100) : 0;
    if (floor > 0) segments.splice(segments.length - 1, 0, floorSegment(floor));
  }
  if (withFloor) {
    const floorSeg = segments.find((s) => s.label === 'floorno');
    if (floorSeg?.num) {
      floorSeg.normalized = `${floorSeg.num.main}层`;
      if (rng.chance(0.6)) floorSeg.text = `${floorSeg.num.main}楼`;
    }
  }
  const building = chain.find((l) => l.level === 'building');
  const singleUnit = node.level === 'room' && !!building && view.childCount.get(building.key) === 1;
  return { node, segments, town, village, keyCommunity, levels: chain.map((l) => l.level), singleUnit };
}

function floorSegment(floor: number): Segment {
  return { text: `${floor}层`, label: 'floorno', num: { main: floor, unit: '层' } };
}
