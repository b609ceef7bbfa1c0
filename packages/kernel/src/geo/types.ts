/**
 * A point as longitude/latitude in decimal degrees. Zhizhi keeps every point and boundary in one
 * datum (GCJ-02 in China, as the common web map tiles use); the functions here do not convert, so
 * a WGS 84 GPS fix tested against a GCJ-02 boundary is off by a few hundred metres.
 */
export type LngLat = { lng: number; lat: number };

/** A GeoJSON position: `[longitude, latitude]` (RFC 7946 order; extra elements such as altitude are ignored). */
export type Position = number[];

/** A closed ring: first and last positions are equal (RFC 7946); four positions at least. */
export type LinearRing = Position[];

export type Point = { type: 'Point'; coordinates: Position; bbox?: BBox };

/** The first ring is the exterior, any further rings are holes. */
export type Polygon = { type: 'Polygon'; coordinates: LinearRing[]; bbox?: BBox };

export type MultiPolygon = { type: 'MultiPolygon'; coordinates: LinearRing[][]; bbox?: BBox };

/** The areal geometries the geo part works with. */
export type AreaGeometry = Polygon | MultiPolygon;

export type Geometry = Point | Polygon | MultiPolygon;

export type GeoJsonProperties = Record<string, unknown> | null;

export type Feature<G extends Geometry = Geometry, P extends GeoJsonProperties = GeoJsonProperties> = {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
  bbox?: BBox;
};

export type FeatureCollection<
  G extends Geometry = Geometry,
  P extends GeoJsonProperties = GeoJsonProperties,
> = {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
  bbox?: BBox;
};

/** `[west, south, east, north]` in degrees (GeoJSON bbox order). */
export type BBox = [number, number, number, number];
