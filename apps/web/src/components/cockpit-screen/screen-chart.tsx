import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// SVG: crisp when the canvas is scaled ×2 for a 4K screen, and no WebGL needed (headless browsers).
echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };

export interface ScreenChartProps {
  option: echarts.EChartsCoreOption;
  /** Accessible name; the same data is also offered as buttons or links beside the chart. */
  label: string;
  onClick?: (params: echarts.ECElementEvent) => void;
  testId?: string;
  style?: CSSProperties;
}

/** One ECharts chart filling its box, resized with it; the option is merged on change (no flash). */
export function ScreenChart({ option, label, onClick, testId, style }: ScreenChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as echarts.ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { replaceMerge: ['series'] });
  }, [option]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height: '100%', ...style }}
    />
  );
}
