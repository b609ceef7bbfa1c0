import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Space, Spin } from 'antd';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { CoordinateInput } from './coordinate-input';
import { createMap, FIT_OPTIONS } from './create-map';
import {
  boundaryData,
  boundsOf,
  type LngLat,
  type MapBoundary,
  type MapPoint,
  pickedData,
  pointsData,
  SOURCE,
} from './map-style';
import { PointList } from './point-list';

export interface EventMapProps {
  points: readonly MapPoint[];
  /** District boundary, drawn as fill + outline; the map fits to it (else to the points). */
  boundary?: MapBoundary;
  /** The chosen location, ringed on the map. */
  picked?: LngLat | null;
  /** Given: a click on the map (or typed coordinates) picks a location. */
  onPick?: (point: LngLat) => void;
  onPointClick?: (id: string) => void;
  /** Map height in pixels (default 480). */
  height?: number;
  /**
   * XYZ raster tiles under the data; none: offline, no network at all. Mind the datum: GCJ-02 data
   * sits right on 高德-style tiles but some 500 m off 天地图's (CGCS2000 ≈ WGS 84).
   */
  tileUrl?: string;
}

type MapState = 'loading' | 'ready' | 'unavailable';

/** A throwaway context tells whether WebGL exists before ~1 MB of MapLibre is fetched for nothing. */
function webGlAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

/**
 * Points (events, orders, devices) over the district boundary, on MapLibre GL. Works offline;
 * without WebGL it says so and falls back to coordinate inputs and a list of the points.
 * Points and boundary must share one datum (GCJ-02 in China); nothing here converts.
 */
export function EventMap({
  points,
  boundary,
  picked = null,
  onPick,
  onPointClick,
  height = 480,
  tileUrl,
}: EventMapProps) {
  const t = useT();
  const containerRef = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // The extent last fitted: refit when the boundary's extent changes, not for each equal new object.
  const fittedBounds = useRef('');
  const [state, setState] = useState<MapState>(() => (webGlAvailable() ? 'loading' : 'unavailable'));
  // Handlers and the first style read the latest props without re-creating the map.
  const latest = useRef({ points, boundary, picked, onPick, onPointClick });
  latest.current = { points, boundary, picked, onPick, onPointClick };
  const pickable = onPick !== undefined;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return; // the fallback is showing
    setState('loading');
    let cancelled = false;
    let map: MapLibreMap | undefined;
    import('maplibre-gl')
      .then((maplibre) => {
        if (cancelled) return;
        const { points, boundary, picked } = latest.current;
        const bounds = boundsOf(boundary, points);
        try {
          map = createMap(maplibre, {
            container,
            bounds,
            boundary,
            points,
            picked,
            tileUrl,
            t,
            pointById: (id) => latest.current.points.find((point) => point.id === id),
            onPointClick: (id) => latest.current.onPointClick?.(id),
            onPick: (point) => latest.current.onPick?.(point),
          });
        } catch {
          // MapLibre throws when it cannot get a WebGL context (blocked, no GPU, too many contexts).
          setState('unavailable');
          return;
        }
        mapRef.current = map;
        fittedBounds.current = JSON.stringify(boundary ? bounds : null);
        map.on('load', () => !cancelled && setState('ready'));
      })
      .catch(() => !cancelled && setState('unavailable'));
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
  }, [tileUrl, t]);

  // A crosshair says "click to pick" once the map is there.
  useEffect(() => {
    const map = mapRef.current;
    if (state === 'ready' && map) map.getCanvasContainer().style.cursor = pickable ? 'crosshair' : '';
  }, [state, pickable]);

  useEffect(() => {
    const source = state === 'ready' ? mapRef.current?.getSource<GeoJSONSource>(SOURCE.points) : undefined;
    source?.setData(pointsData(points));
  }, [state, points]);

  useEffect(() => {
    const source = state === 'ready' ? mapRef.current?.getSource<GeoJSONSource>(SOURCE.picked) : undefined;
    source?.setData(pickedData(picked));
  }, [state, picked]);

  useEffect(() => {
    const map = mapRef.current;
    if (state !== 'ready' || !map) return;
    map.getSource<GeoJSONSource>(SOURCE.boundary)?.setData(boundaryData(boundary));
    const bounds = boundsOf(boundary, []);
    const key = JSON.stringify(bounds ?? null);
    if (bounds && key !== fittedBounds.current) map.fitBounds(bounds, FIT_OPTIONS);
    fittedBounds.current = key;
  }, [state, boundary]);

  if (state === 'unavailable') {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="event-map-fallback">
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('map.webglUnavailable')}
          description={pickable ? t('map.webglPickHint') : t('map.webglListHint')}
        />
        {onPick && <CoordinateInput value={picked} onChange={onPick} />}
        <PointList points={points} onPointClick={onPointClick} />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <div style={{ position: 'relative', height }}>
        <section
          ref={containerRef}
          aria-label={pickable ? t('map.titlePickable') : t('map.title')}
          data-testid="event-map"
          data-state={state}
          style={{ position: 'absolute', inset: 0, borderRadius: 8, overflow: 'hidden' }}
        />
        {state === 'loading' && (
          <Spin
            description={t('map.loading')}
            style={{ position: 'absolute', top: '50%', left: '50%', transform: 'translate(-50%, -50%)' }}
          />
        )}
      </div>
      {onPick && <CoordinateInput value={picked} onChange={onPick} />}
    </Space>
  );
}
