import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// What a GeoJSON map needs on top of echart.tsx: regions (geo, map series, visualMap) and points
// on them (scatter). Imported only by the pages that draw a map.
echarts.use([MapChart, ScatterChart, GeoComponent, VisualMapComponent]);

const registered = new Set<string>();

/** Registers a GeoJSON map under `name` for `geo.map` (once per name: the name must change with the shapes). */
export function registerGeoJson(name: string, geoJson: object): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}
