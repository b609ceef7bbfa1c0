import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  buildMapStyle,
  DEFAULT_POINT_COLOR,
  LAYER,
  type MapBoundary,
  type MapPoint,
  pointsData,
  SOURCE,
} from './map-style';

const boundary: MapBoundary = {
  type: 'Feature',
  properties: { name: '奉化区' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [121.2, 29.5],
        [121.8, 29.5],
        [121.8, 29.8],
        [121.2, 29.5],
      ],
    ],
  },
};
const points: MapPoint[] = [
  { id: 'a', lng: 121.41, lat: 29.66, status: '办理中', title: '井盖缺失', color: '#52c41a' },
  { id: 'b', lng: 121.24, lat: 29.68, status: '已办结', title: '路灯不亮' },
];

describe('buildMapStyle', () => {
  it('needs no network without a tile URL: no tiles, glyphs or sprites', () => {
    const style = buildMapStyle({ boundary, points, picked: null, tileUrl: undefined });
    expect(Object.values(style.sources).map((source) => source.type)).toEqual([
      'geojson',
      'geojson',
      'geojson',
    ]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.map((layer) => layer.id)).toEqual([
      LAYER.background,
      LAYER.boundaryFill,
      LAYER.boundaryLine,
      LAYER.points,
      LAYER.picked,
    ]);
  });

  it('puts the raster tiles above the background and under every data layer', () => {
    const tileUrl = 'https://t0.tianditu.gov.cn/vec_w/wmts?tk=KEY&x={x}&y={y}&l={z}';
    const style = buildMapStyle({ boundary, points, picked: null, tileUrl });
    expect(style.sources[SOURCE.base]).toMatchObject({ type: 'raster', tiles: [tileUrl] });
    expect(style.layers.map((layer) => layer.id).slice(0, 3)).toEqual([
      LAYER.background,
      LAYER.base,
      LAYER.boundaryFill,
    ]);
  });

  it('colours each point by its colour, or the default', () => {
    const colours = pointsData(points).features.map((feature) => feature.properties.color);
    expect(colours).toEqual(['#52c41a', DEFAULT_POINT_COLOR]);
  });

  it('draws the picked location only when there is one', () => {
    const picked = (at: { lng: number; lat: number } | null) =>
      buildMapStyle({ boundary, points, picked: at, tileUrl: undefined }).sources[SOURCE.picked];
    expect(picked(null)).toMatchObject({ data: { features: [] } });
    expect(picked({ lng: 121.4, lat: 29.6 })).toMatchObject({
      data: { features: [{ geometry: { type: 'Point', coordinates: [121.4, 29.6] } }] },
    });
  });
});

describe('boundsOf', () => {
  it('fits the boundary when there is one', () => {
    expect(boundsOf(boundary, points)).toEqual([121.2, 29.5, 121.8, 29.8]);
  });

  it('fits the points without a boundary, and nothing without either', () => {
    expect(boundsOf(undefined, points)).toEqual([121.24, 29.66, 121.41, 29.68]);
    expect(boundsOf(undefined, [])).toBeUndefined();
  });
});
