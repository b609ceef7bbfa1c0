export { EventMap, type EventMapProps } from './event-map';
export type { LngLat, MapBoundary, MapPoint } from './map-style';
