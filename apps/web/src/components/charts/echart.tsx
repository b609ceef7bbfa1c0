import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Tree-shaken: the bar and line charts of the dashboards; the map's parts are added by geo-map.ts,
// so pages without a map do not download them. SVG: crisp when the big screen is scaled ×2 for a
// 4K display, and no WebGL needed (headless browsers).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent]);
echarts.use(SVGRenderer);

export type ChartOption = echarts.EChartsCoreOption;
export type ChartEvent = echarts.ECElementEvent;

/** Escapes text for an HTML tooltip. */
export const encodeHTML = (text: string): string => echarts.format.encodeHTML(text);

export interface EChartProps {
  option: ChartOption;
  /** Accessible name of the chart (its data is also shown beside it, as a table, buttons or links). */
  label: string;
  /** CSS height; the default fills the parent box. */
  height?: number | string;
  width?: number | string;
  /** Called with the clicked element (a bar, a point, a map region…). */
  onClick?: (params: ChartEvent) => void;
  /**
   * How a new option is applied: `replace` (default) draws it afresh; `series` merges it into the
   * chart and replaces only the series, so a live screen refreshes without a flash.
   */
  update?: 'replace' | 'series';
  /** A registered theme name or a theme object (keep it stable: a new one re-creates the chart). */
  theme?: string | object;
  testId?: string;
  style?: CSSProperties;
}

function apply(chart: echarts.ECharts, option: ChartOption, update: EChartProps['update']) {
  if (update === 'series') chart.setOption(option, { replaceMerge: ['series'] });
  else chart.setOption(option, true);
}

/** One ECharts chart (SVG renderer), resized with its box, disposed on unmount. */
export function EChart({
  option,
  label,
  height = '100%',
  width = '100%',
  onClick,
  update = 'replace',
  theme,
  testId,
  style,
}: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The option the chart shows now, so a re-created chart (new theme) draws it again at once.
  const latest = useRef({ option, update });
  latest.current = { option, update };
  const applied = useRef<ChartOption | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, theme, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clickRef.current?.(params as ChartEvent));
    apply(instance, latest.current.option, latest.current.update);
    applied.current = latest.current.option;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      applied.current = null;
    };
  }, [theme]);

  useEffect(() => {
    if (!chart.current || applied.current === option) return;
    apply(chart.current, option, update);
    applied.current = option;
  }, [option, update]);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width, height, ...style }} />
  );
}
