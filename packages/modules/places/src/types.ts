/**
 * Address element labels: the CCKS 2021 / Alibaba (Tianchi) Chinese address annotation scheme.
 * `village_group` (X组) is the scheme's own label for rural groups; the rest are the list.
 */
export const ADDRESS_LABELS = [
  'prov',
  'city',
  'district',
  'devzone',
  'town',
  'community',
  'village_group',
  'road',
  'subroad',
  'roadno',
  'subroadno',
  'poi',
  'subpoi',
  'houseno',
  'cellno',
  'floorno',
  'roomno',
  'intersection',
  'assist',
  'redundant',
  'otherinfo',
] as const;

export type AddressLabel = (typeof ADDRESS_LABELS)[number];

/** One recognised element of an address. */
export interface AddressElement {
  label: AddressLabel;
  /** The text as written in the input (`input.slice(start, end)`). */
  value: string;
  /**
   * The standard form: current names for historic ones (奉化市 → 奉化区), Arabic numbers with the
   * standard unit (二十六号 → 26号, 3栋 → 3幢, 2-1-301 → 2幢 / 1单元 / 301室).
   */
  normalized: string;
  /** UTF-16 offsets into the original input; `start <= end`, both within `[0, input.length]`. */
  start: number;
  end: number;
}

/** The parser's answer for one free-text address. */
export interface ParsedAddress {
  input: string;
  elements: AddressElement[];
  /** 12-digit code of the deepest division recognised (district, township or village), or null. */
  divisionCode: string | null;
  /** The standard address string built from the normalised elements, prefixes completed. */
  standard: string;
}

/**
 * Levels of the standard address tree (after GB/T 35639): below the village-level division come
 * roads/streets/lanes, residential estates (小区), natural villages and village groups (X组), then door numbers,
 * buildings, units, floors and rooms. `poi` is a named place that is not an estate (学校, 卫生院).
 */
export const PLACE_LEVELS = [
  'road',
  'estate',
  'natural_village',
  'village_group',
  'poi',
  'doorplate',
  'building',
  'unit',
  'floor',
  'room',
] as const;

export type PlaceLevel = (typeof PLACE_LEVELS)[number];

/**
 * One node of a standard address library as a region pack ships it (seed shape). `key` is a stable
 * natural key unique in the library (the full standard address string), used instead of an id so
 * that test sets and seeds can refer to entries before they have database ids.
 */
export interface PlaceSeed {
  key: string;
  parentKey: string | null;
  level: PlaceLevel;
  /** The element's own text: 中山东路, 阳光花园, 26号, 3幢, 2单元, 5层, 301室. */
  name: string;
  /** 12-digit code of the village/community (or township for roads spanning villages). */
  divisionCode: string;
  /** Grid (网格) code, for doorplates and below where known. */
  gridCode: string | null;
  /** Main entrance point, in the frame of the region map (Fenghua pack: GCJ-02, like its boundary). Absent for floors and rooms (they inherit the building's). */
  lng: number | null;
  lat: number | null;
  /** Further entrances (a building with two doors, an estate with several gates). */
  entrances?: { lng: number; lat: number; label: string }[];
  /** Other names this node is known by (old names, common short forms). */
  aliases?: string[];
  /** `poi` nodes only: a service category shown on doorplate pages (便民服务中心, 卫生院, 学校 …). */
  category?: string;
  validFrom: string;
  validTo?: string | null;
  /** Key of the node that replaced this one (renamed road, renumbered door). */
  replacedByKey?: string | null;
  source: string;
}

/** An area polygon for reverse geocoding (point-in-polygon). */
export interface AreaSeed {
  code: string;
  level: 'town' | 'village' | 'grid';
  name: string;
  /** GeoJSON Polygon or MultiPolygon coordinates, same frame as `PlaceSeed` points. */
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
  /** True for derived (e.g. Voronoi) boundaries rather than surveyed ones. */
  approximate: boolean;
}
