import type { StyleSpecification } from 'maplibre-gl';

/** A point as longitude/latitude in degrees, in the same datum as the boundary (GCJ-02 in China). */
export type LngLat = { lng: number; lat: number };

/** One point on the map: an event, an order, a device. */
export type MapPoint = {
  id: string;
  lng: number;
  lat: number;
  /** Shown beside the title in the popup and in the no-WebGL list. */
  status: string;
  title: string;
  /** CSS colour of the circle; defaults to {@link DEFAULT_POINT_COLOR}. */
  color?: string;
};

/** A GeoJSON Polygon or MultiPolygon Feature (structurally what `@zhizhi/kernel/geo` calls a Feature). */
export type MapBoundary = {
  type: 'Feature';
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
  properties?: unknown;
};

/** `[west, south, east, north]`. */
export type Bounds = [number, number, number, number];

type DataGeometry = { type: 'Point'; coordinates: number[] } | MapBoundary['geometry'];

/** The GeoJSON this component hands to MapLibre's sources. */
export type FeatureCollectionData = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: DataGeometry }[];
};

export const DEFAULT_POINT_COLOR = '#fa541c';
const BOUNDARY_COLOR = '#1677ff';
const PICKED_COLOR = '#cf1322';

export const SOURCE = { base: 'base', boundary: 'boundary', points: 'points', picked: 'picked' } as const;
export const LAYER = {
  background: 'background',
  base: 'base-tiles',
  boundaryFill: 'boundary-fill',
  boundaryLine: 'boundary-line',
  points: 'points',
  picked: 'picked',
} as const;

export function boundaryData(boundary: MapBoundary | undefined): FeatureCollectionData {
  return {
    type: 'FeatureCollection',
    features: boundary ? [{ type: 'Feature', properties: {}, geometry: boundary.geometry }] : [],
  };
}

export function pointsData(points: readonly MapPoint[]): FeatureCollectionData {
  return {
    type: 'FeatureCollection',
    features: points.map((point) => ({
      type: 'Feature',
      properties: { id: point.id, color: point.color ?? DEFAULT_POINT_COLOR },
      geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
    })),
  };
}

export function pickedData(picked: LngLat | null | undefined): FeatureCollectionData {
  return {
    type: 'FeatureCollection',
    features: picked
      ? [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [picked.lng, picked.lat] },
          },
        ]
      : [],
  };
}

export type MapStyleInput = {
  boundary: MapBoundary | undefined;
  points: readonly MapPoint[];
  picked: LngLat | null | undefined;
  /** XYZ raster template (`{z}/{x}/{y}`), drawn under the boundary and points. None: offline. */
  tileUrl: string | undefined;
};

/**
 * The whole map style. Offline by default: a plain background, the boundary and the points, with no
 * glyphs, sprites or tiles to fetch. A `tileUrl` adds one raster layer beneath them.
 */
export function buildMapStyle({ boundary, points, picked, tileUrl }: MapStyleInput): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      [SOURCE.boundary]: { type: 'geojson', data: boundaryData(boundary) },
      [SOURCE.points]: { type: 'geojson', data: pointsData(points) },
      [SOURCE.picked]: { type: 'geojson', data: pickedData(picked) },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': '#f2f4f7' } },
      {
        id: LAYER.boundaryFill,
        type: 'fill',
        source: SOURCE.boundary,
        paint: { 'fill-color': BOUNDARY_COLOR, 'fill-opacity': tileUrl ? 0.05 : 0.1 },
      },
      {
        id: LAYER.boundaryLine,
        type: 'line',
        source: SOURCE.boundary,
        paint: { 'line-color': BOUNDARY_COLOR, 'line-width': 2 },
      },
      {
        id: LAYER.points,
        type: 'circle',
        source: SOURCE.points,
        paint: {
          'circle-radius': 7,
          'circle-color': ['get', 'color'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      {
        id: LAYER.picked,
        type: 'circle',
        source: SOURCE.picked,
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(0, 0, 0, 0)',
          'circle-stroke-color': PICKED_COLOR,
          'circle-stroke-width': 3,
        },
      },
    ],
  };
  if (tileUrl) {
    style.sources[SOURCE.base] = { type: 'raster', tiles: [tileUrl], tileSize: 256, maxzoom: 18 };
    style.layers.splice(1, 0, { id: LAYER.base, type: 'raster', source: SOURCE.base });
  }
  return style;
}

/** Bounds of the boundary, else of the points; undefined when there is neither. */
export function boundsOf(boundary: MapBoundary | undefined, points: readonly LngLat[]): Bounds | undefined {
  const positions: number[][] = boundary
    ? boundary.geometry.type === 'Polygon'
      ? boundary.geometry.coordinates.flat()
      : boundary.geometry.coordinates.flat(2)
    : points.map((point) => [point.lng, point.lat]);
  if (positions.length === 0) return undefined;
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of positions) {
    bounds[0] = Math.min(bounds[0], lng);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lng);
    bounds[3] = Math.max(bounds[3], lat);
  }
  return bounds;
}
