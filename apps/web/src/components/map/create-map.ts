import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Translate } from '../../i18n/translate';
import {
  type Bounds,
  buildMapStyle,
  LAYER,
  type LngLat,
  type MapStyleInput,
  type MapPoint,
} from './map-style';

export const FIT_OPTIONS = { padding: 24, maxZoom: 15, animate: false };
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export type CreateMapOptions = MapStyleInput & {
  container: HTMLElement;
  bounds: Bounds | undefined;
  t: Translate;
  /** Read at event time, so the map never needs re-creating for new points or callbacks. */
  pointById: (id: unknown) => MapPoint | undefined;
  onPointClick: (id: string) => void;
  onPick: (point: LngLat) => void;
};

function popupContent(point: MapPoint): HTMLElement {
  // Text nodes only: titles come from citizens' reports.
  const root = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = point.title;
  const status = document.createElement('div');
  status.textContent = point.status;
  root.append(title, status);
  return root;
}

/**
 * A MapLibre map with controls, hover popups and click handling. Throws (from MapLibre) when no
 * WebGL context can be had; `remove()` on the map releases everything, the popup included.
 */
export function createMap(maplibre: typeof import('maplibre-gl'), options: CreateMapOptions): MapLibreMap {
  const { container, bounds, t } = options;
  const map = new maplibre.Map({
    container,
    style: buildMapStyle(options),
    ...(bounds ? { bounds, fitBoundsOptions: FIT_OPTIONS } : { center: [104, 35], zoom: 3 }),
    locale: {
      'Map.Title': t('map.title'),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'Popup.Close': t('map.closePopup'),
    },
    dragRotate: false,
    pitchWithRotate: false,
    attributionControl: { compact: true },
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');

  const popup = new maplibre.Popup({ closeButton: false, closeOnClick: false, offset: 10 });
  map.on('remove', () => popup.remove());
  map.on('mousemove', LAYER.points, (event) => {
    map.getCanvas().style.cursor = 'pointer';
    const point = options.pointById(event.features?.[0]?.properties?.id);
    if (point) popup.setLngLat([point.lng, point.lat]).setDOMContent(popupContent(point)).addTo(map);
  });
  map.on('mouseleave', LAYER.points, () => {
    map.getCanvas().style.cursor = '';
    popup.remove();
  });
  map.on('click', (event) => {
    // A few pixels of slack around the 7 px circles, for fingers and unsteady hands.
    const { x, y } = event.point;
    const box: [[number, number], [number, number]] = [
      [x - 6, y - 6],
      [x + 6, y + 6],
    ];
    const id = map.queryRenderedFeatures(box, { layers: [LAYER.points] })[0]?.properties?.id;
    if (typeof id === 'string') options.onPointClick(id);
    else options.onPick({ lng: round6(event.lngLat.lng), lat: round6(event.lngLat.lat) });
  });
  return map;
}
