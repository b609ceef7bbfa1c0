import type { CockpitMap, MapPoint, TownFeature } from './types';

export type LayerKind = MapPoint['kind'];
export const LAYERS: readonly LayerKind[] = ['event', 'alarm', 'inspection'];

/** Choropleth steps for open events per town, dark (none) to red (many). */
export const CHORO_STEPS = ['#0e2a4f', '#15508a', '#1f7fc4', '#e0a526', '#f0643c'] as const;

/** Colour of a town by its open events, relative to the busiest town. */
export function choroColour(open: number, max: number): string {
  if (open <= 0 || max <= 0) return CHORO_STEPS[0];
  const step = Math.min(CHORO_STEPS.length - 1, 1 + Math.floor(((open - 1) / Math.max(1, max)) * 4));
  return CHORO_STEPS[step];
}

const EVENT_COLOURS: Record<string, string> = {
  reported: '#ffb020',
  dispatched: '#ffb020',
  awaiting_info: '#ffb020',
  awaiting_co: '#ffb020',
  handling: '#38bdf8',
  returned: '#ff5c5c',
  closed: '#3ddc84',
  rated: '#3ddc84',
  merged: '#8b97a8',
};
const ALARM_COLOURS: Record<string, string> = {
  critical: '#ff3b3b',
  major: '#ff8c1a',
  minor: '#ffd400',
  warning: '#4c9bff',
};
export const INSPECTION_COLOUR = '#c084fc';

export function pointColour(point: Pick<MapPoint, 'kind' | 'status'>): string {
  if (point.kind === 'event') return EVENT_COLOURS[point.status] ?? '#cbd5e1';
  if (point.kind === 'alarm') return ALARM_COLOURS[point.status] ?? '#ff5c5c';
  return INSPECTION_COLOUR;
}

/** Event legend groups: waiting, being handled, returned, closed. */
export const EVENT_LEGEND = [
  { status: 'dispatched', colour: EVENT_COLOURS.dispatched },
  { status: 'handling', colour: EVENT_COLOURS.handling },
  { status: 'returned', colour: EVENT_COLOURS.returned },
  { status: 'closed', colour: EVENT_COLOURS.closed },
] as const;

const SYMBOL: Record<LayerKind, string> = { event: 'circle', alarm: 'triangle', inspection: 'diamond' };

/** A stable name for the registered map: changes only when the towns' outlines do. */
export function mapKey(map: CockpitMap): string {
  let hash = 0;
  const text = JSON.stringify(map.towns.features.map((f) => [f.properties.code, f.geometry]));
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return `zz-cockpit-towns-${(hash >>> 0).toString(36)}`;
}

type Ring = [number, number][];

function pointsOf(geometry: Record<string, unknown>): [number, number][] {
  const coordinates = geometry.coordinates as Ring[] | Ring[][] | undefined;
  if (!Array.isArray(coordinates)) return [];
  const rings = (geometry.type === 'MultiPolygon' ? (coordinates as Ring[][]).flat() : coordinates) as Ring[];
  return rings.flat();
}

const span = (values: number[]) => (values.length ? Math.max(...values) - Math.min(...values) : 0);

/** Longitude span of a town: small towns get their short name on the map (锦屏 for 锦屏街道). */
function lngSpan(geometry: Record<string, unknown>): number {
  return span(pointsOf(geometry).map((point) => point[0]));
}

/** ECharts' geo draws lng/lat with this vertical squeeze (its default aspectScale). */
const ASPECT_SCALE = 0.75;

/**
 * The map's longer side in pixels, so it fills `share` of the box without distortion (ECharts
 * stretches a map given left/right/top/bottom, and sizes `layoutSize` against the shorter side).
 */
export function mapLayoutSize(
  towns: readonly TownFeature[],
  box: { width: number; height: number },
  share = 0.94,
) {
  const all = towns.flatMap((f) => pointsOf(f.geometry));
  const lat = span(all.map((point) => point[1]));
  const aspect = lat > 0 ? (span(all.map((point) => point[0])) / lat) * ASPECT_SCALE : 1;
  const width = Math.min(box.width, box.height * aspect) * share;
  return Math.max(10, aspect > 1 ? width : width / aspect);
}

export function shortName(name: string): string {
  return name.length > 2 ? name.replace(/(街道|镇|乡)$/, '') : name;
}

/** The GeoJSON ECharts wants: `properties.name` names each region. */
export function geoJsonOf(map: CockpitMap) {
  return {
    type: 'FeatureCollection' as const,
    features: map.towns.features.map((f) => ({
      type: 'Feature' as const,
      properties: { name: f.properties.name, code: f.properties.code },
      geometry: f.geometry,
    })),
  };
}

export interface MapOptionInput {
  mapName: string;
  towns: readonly TownFeature[];
  points: readonly MapPoint[];
  layers: ReadonlySet<LayerKind>;
  /** The town the screen is drilled into, if any (its code). */
  selectedTown: string | null;
  elder: boolean;
  /** The chart's size in CSS pixels (before the screen's scale). */
  box: { width: number; height: number };
  tooltip: (kind: 'town' | 'point', key: string) => string;
}

/** The ECharts option: towns coloured by open events, labelled, with one scatter layer per kind. */
export function mapOption(input: MapOptionInput) {
  const { towns, points, layers, selectedTown, elder } = input;
  const max = Math.max(0, ...towns.map((f) => f.properties.eventsOpen));
  const spans = towns.map((f) => lngSpan(f.geometry));
  const widest = Math.max(0, ...spans);
  const regions = towns.map((f, index) => {
    const small = spans[index] < widest * 0.3;
    const selected = f.properties.code === selectedTown;
    const dimmed = selectedTown !== null && !selected;
    return {
      name: f.properties.name,
      itemStyle: {
        areaColor: choroColour(f.properties.eventsOpen, max),
        opacity: dimmed ? 0.45 : 1,
        borderColor: selected ? '#ffffff' : '#63b3ff',
        borderWidth: selected ? 3 : 1.2,
      },
      label: {
        color: dimmed ? '#9fb3cc' : '#ffffff',
        ...(small ? { formatter: shortName(f.properties.name) } : {}),
      },
    };
  });
  const series = LAYERS.filter((kind) => layers.has(kind)).map((kind) => ({
    id: `points-${kind}`,
    type: 'scatter',
    coordinateSystem: 'geo',
    geoIndex: 0,
    symbol: SYMBOL[kind],
    symbolSize: (elder ? 1.4 : 1) * (kind === 'event' ? 9 : 11),
    z: kind === 'alarm' ? 5 : 4,
    data: points
      .filter((p) => p.kind === kind)
      .map((p) => ({
        name: p.title,
        value: [p.lng, p.lat],
        id: p.id,
        itemStyle: { color: pointColour(p), borderColor: '#06142d', borderWidth: 1 },
      })),
    tooltip: {
      formatter: (params: { data?: { id?: string } }) => input.tooltip('point', params.data?.id ?? ''),
    },
  }));
  return {
    backgroundColor: 'transparent',
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: 'rgba(4, 18, 42, 0.94)',
      borderColor: '#2f80ed',
      textStyle: { color: '#e8f1ff', fontSize: elder ? 18 : 14 },
    },
    geo: {
      map: input.mapName,
      roam: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: mapLayoutSize(towns, input.box),
      aspectScale: ASPECT_SCALE,
      selectedMode: false,
      label: {
        show: true,
        color: '#ffffff',
        fontSize: elder ? 18 : 14,
        fontWeight: elder ? 'bold' : 'normal',
        textBorderColor: '#06142d',
        textBorderWidth: 3,
      },
      itemStyle: { areaColor: CHORO_STEPS[0], borderColor: '#63b3ff', borderWidth: 1.2 },
      emphasis: {
        label: { color: '#ffffff' },
        itemStyle: { areaColor: '#2f80ed', borderColor: '#ffffff', borderWidth: 2 },
      },
      regions,
      tooltip: {
        show: true,
        formatter: (params: { name?: string }) => input.tooltip('town', params.name ?? ''),
      },
    },
    series,
  };
}
