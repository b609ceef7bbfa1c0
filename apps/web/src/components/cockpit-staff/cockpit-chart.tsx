import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export interface CockpitChartProps {
  option: ChartOption;
  height: number;
  /** Accessible name (the same data is listed in a table beside the chart). */
  label: string;
  /** Called with the data index of a clicked bar or point. */
  onItemClick?: (dataIndex: number) => void;
  testId?: string;
}

/** One ECharts chart (SVG, tree-shaken) that resizes with its container and reports clicks. */
export function CockpitChart({ option, height, label, onItemClick, testId }: CockpitChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (params.componentType === 'series' && typeof params.dataIndex === 'number')
        click.current?.(params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  );
}

/** Dashed lines at the target and the warning line (those that are set), across the value axis. */
export function referenceLines(
  lines: { value: number | null; label: string; color: string }[],
  fontSize: number,
  valueAxis: 'x' | 'y' = 'y',
): Record<string, unknown> {
  const set = lines.filter((l): l is { value: number; label: string; color: string } => l.value !== null);
  const top = Math.max(...set.map((l) => l.value));
  return {
    silent: true,
    symbol: 'none',
    data: set.map((l) => ({
      [valueAxis === 'y' ? 'yAxis' : 'xAxis']: l.value,
      lineStyle: { color: l.color, type: 'dashed', width: 1.5 },
      // The upper line's label above it, the lower one's below, so close lines stay legible.
      label: {
        formatter: l.label,
        color: l.color,
        fontSize,
        position:
          set.length > 1 && l.value < top
            ? valueAxis === 'y'
              ? 'insideEndBottom'
              : 'start'
            : valueAxis === 'y'
              ? 'insideEndTop'
              : 'end',
      },
    })),
  };
}
