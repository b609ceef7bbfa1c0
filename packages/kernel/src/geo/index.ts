export type {
  AreaGeometry,
  BBox,
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  Geometry,
  LinearRing,
  LngLat,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from './types';
export { EARTH_RADIUS_METERS, haversineMeters } from './haversine';
export { pointInGeometry } from './point-in-geometry';
export { bboxOf } from './bbox';
