import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Space, Spin } from 'antd';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { LngLat, MapBoundary, MapPoint } from '../map';
import { CoordinateInput } from '../map/coordinate-input';
import { createMap, FIT_OPTIONS } from '../map/create-map';
import { boundaryData, boundsOf, pickedData, pointsData, SOURCE } from '../map/map-style';
import { PointList } from '../map/point-list';
import type { Areas } from './types';

export const AREA_LEVELS = ['town', 'village', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Outline styles: townships bold, villages medium, grids thin and dashed. */
const AREA_STYLE: Record<AreaLevel, { colour: string; width: number; dash?: number[] }> = {
  town: { colour: '#531dab', width: 2.5 },
  village: { colour: '#08979c', width: 1.5 },
  grid: { colour: '#d46b08', width: 1, dash: [2, 2] },
};

export interface ViewBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface PlacesMapProps {
  points: readonly MapPoint[];
  boundary?: MapBoundary;
  areas: Partial<Record<AreaLevel, Areas>>;
  visible: Record<AreaLevel, boolean>;
  picked: LngLat | null;
  onPick: (point: LngLat) => void;
  onPointClick: (id: string) => void;
  /** Called once the map is ready and after every pan or zoom, with the box in view. */
  onView: (box: ViewBox) => void;
  height: number;
}

type MapState = 'loading' | 'ready' | 'unavailable';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The library's entries over township, village and grid outlines (MapLibre, offline style). */
export function PlacesMap(props: PlacesMapProps) {
  const t = useT();
  const containerRef = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [state, setState] = useState<MapState>('loading');
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let map: MapLibreMap | undefined;
    import('maplibre-gl')
      .then((maplibre) => {
        if (cancelled) return;
        const { points, boundary, picked } = latest.current;
        try {
          map = createMap(maplibre, {
            container,
            bounds: boundsOf(boundary, points),
            boundary,
            points,
            picked,
            tileUrl: undefined,
            t,
            pointById: (id) => latest.current.points.find((point) => point.id === id),
            onPointClick: (id) => latest.current.onPointClick(id),
            onPick: (point) => latest.current.onPick(point),
          });
        } catch {
          setState('unavailable');
          return;
        }
        mapRef.current = map;
        const view = () => {
          const b = map?.getBounds();
          if (b)
            latest.current.onView({
              west: b.getWest(),
              south: b.getSouth(),
              east: b.getEast(),
              north: b.getNorth(),
            });
        };
        map.on('load', () => {
          if (cancelled || !map) return;
          // Outlines go under the points, coarsest last so township lines stay visible over grids.
          for (const level of ['grid', 'village', 'town'] as const) {
            const style = AREA_STYLE[level];
            map.addSource(`area-${level}`, { type: 'geojson', data: EMPTY });
            map.addLayer(
              {
                id: `area-${level}`,
                type: 'line',
                source: `area-${level}`,
                paint: {
                  'line-color': style.colour,
                  'line-width': style.width,
                  ...(style.dash ? { 'line-dasharray': style.dash } : {}),
                },
              },
              'points',
            );
          }
          // Hundreds of entries at district scale: smaller dots there, the usual size when zoomed in.
          map.setPaintProperty('points', 'circle-radius', [
            'interpolate',
            ['linear'],
            ['zoom'],
            10,
            3,
            14,
            7,
          ]);
          map.setPaintProperty('points', 'circle-stroke-width', [
            'interpolate',
            ['linear'],
            ['zoom'],
            10,
            1,
            14,
            2,
          ]);
          map.getCanvasContainer().style.cursor = 'crosshair';
          setState('ready');
          view();
        });
        map.on('moveend', view);
      })
      .catch(() => !cancelled && setState('unavailable'));
    return () => {
      cancelled = true;
      map?.remove();
      mapRef.current = null;
    };
  }, [t]);

  const { points, picked, areas, visible, boundary } = props;
  // The district arrives after the map: draw it and fit to it once.
  const fitted = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (state !== 'ready' || !map || !boundary) return;
    map.getSource<GeoJSONSource>(SOURCE.boundary)?.setData(boundaryData(boundary));
    const bounds = boundsOf(boundary, []);
    if (bounds && !fitted.current) map.fitBounds(bounds, FIT_OPTIONS);
    fitted.current = true;
  }, [state, boundary]);
  useEffect(() => {
    if (state !== 'ready') return;
    mapRef.current?.getSource<GeoJSONSource>(SOURCE.points)?.setData(pointsData(points));
  }, [state, points]);
  useEffect(() => {
    if (state !== 'ready') return;
    mapRef.current?.getSource<GeoJSONSource>(SOURCE.picked)?.setData(pickedData(picked));
  }, [state, picked]);
  useEffect(() => {
    const map = mapRef.current;
    if (state !== 'ready' || !map) return;
    for (const level of AREA_LEVELS) {
      const data = visible[level] ? areas[level] : undefined;
      map
        .getSource<GeoJSONSource>(`area-${level}`)
        ?.setData((data ?? EMPTY) as Parameters<GeoJSONSource['setData']>[0]);
    }
  }, [state, areas, visible]);

  if (state === 'unavailable') {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="event-map-fallback">
        <Alert
          type="warning"
          showIcon
          role="status"
          title={t('map.webglUnavailable')}
          description={t('map.webglPickHint')}
        />
        <CoordinateInput value={picked} onChange={props.onPick} />
        <PointList points={points} onPointClick={props.onPointClick} />
      </Space>
    );
  }
  return (
    <div style={{ position: 'relative', height: props.height }}>
      <section
        ref={containerRef}
        aria-label={t('map.titlePickable')}
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
  );
}
