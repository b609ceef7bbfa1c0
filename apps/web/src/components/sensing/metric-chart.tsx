import { unwrap } from '@zhizhi/api-client';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/api';
import { hasMessage } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { type ChartOption, EChart } from '../charts/echart';
import { useLoad } from '../use-load';
import {
  axisBounds,
  COLOUR_STYLE,
  formatReading,
  RANGE_MS,
  type SeriesPoint,
  seriesPoints,
  type SeriesRange,
  severityColour,
  type ThresholdLine,
} from './sensing-model';
import type { SensingMetric } from './types';

export interface MetricChartProps {
  stationId: string;
  metric: SensingMetric;
  lines: readonly ThresholdLine[];
  range: SeriesRange;
}

const AVG_COLOUR = '#1554ad';

/** How a threshold is named on the chart: the level's Chinese name when it is an attribute. */
export function useThresholdLabel(): (line: ThresholdLine, unit: string) => string {
  const t = useT();
  const localName = useLocalName();
  return (line, unit) => {
    const key = line.attribute ? `sensing.attr.${line.attribute}` : '';
    const name = hasMessage(key) ? t(key) : localName(line.ruleNameZh, line.ruleNameEn);
    return `${name} ${formatReading(line.value, 1)} ${unit}`.trim();
  };
}

/**
 * One metric over the chosen range: the mean as a line inside a min–max band, and a dashed line at
 * each threshold that applies to it, in the rule's warning colour. The server picks the resolution.
 */
export function MetricChart({ stationId, metric, lines, range }: MetricChartProps) {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const label = useThresholdLabel();
  const series = useLoad(() => {
    const to = Date.now();
    const query = {
      metric: metric.code,
      from: new Date(to - RANGE_MS[range]).toISOString(),
      to: new Date(to).toISOString(),
    };
    return unwrap(
      api.GET('/api/sensing/stations/{id}/series', { params: { path: { id: stationId }, query } }),
    );
  }, [stationId, metric.code, range]);
  const fontSize = elderMode ? 16 : 12;
  const name = localName(metric.nameZh, metric.nameEn);
  const points = useMemo(() => seriesPoints(series.data?.points ?? []), [series.data]);
  const option = useMemo(
    () => chartOption(points, lines, { fontSize, unit: metric.unit, t, label }),
    [points, lines, fontSize, metric.unit, t, label],
  );

  return (
    <Card
      size="small"
      title={`${name}${metric.unit ? ` (${metric.unit})` : ''}`}
      extra={
        series.data && (
          <Typography.Text type="secondary">
            {t(`sensing.chart.resolution.${series.data.resolution}`)}
          </Typography.Text>
        )
      }
      data-testid="sensing-metric-chart"
      data-metric={metric.code}
      loading={series.loading && !series.data}
    >
      {lines.length > 0 && (
        <Space wrap size={4} style={{ marginBottom: 8 }} data-testid="sensing-thresholds">
          {lines.map((line) => {
            const style = COLOUR_STYLE[severityColour(line.severity)];
            return (
              <Tag key={`${line.attribute}:${line.value}`} style={{ borderColor: style.background }}>
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: 16,
                    borderTop: `2px dashed ${style.background}`,
                    marginRight: 6,
                    verticalAlign: 'middle',
                  }}
                />
                {label(line, metric.unit)}
              </Tag>
            );
          })}
        </Space>
      )}
      {points.length === 0 && !series.loading ? (
        <Empty description={t('sensing.chart.empty')} />
      ) : (
        <EChart option={option} height={elderMode ? 340 : 260} label={name} />
      )}
    </Card>
  );
}

interface OptionContext {
  fontSize: number;
  unit: string;
  t: ReturnType<typeof useT>;
  label: (line: ThresholdLine, unit: string) => string;
}

function chartOption(
  points: readonly SeriesPoint[],
  lines: readonly ThresholdLine[],
  { fontSize, unit, t, label }: OptionContext,
): ChartOption {
  const bounds = axisBounds(points.flatMap(([, , min, max]) => [min, max]).concat(lines.map((l) => l.value)));
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    legend: { textStyle: { fontSize }, data: [t('sensing.chart.avg'), t('sensing.chart.band')] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const point = points[params[0]?.dataIndex ?? -1];
        if (!point) return '';
        const [ms, avg, min, max] = point;
        const when = new Date(ms).toLocaleString(undefined, { timeZone: 'Asia/Shanghai', hour12: false });
        return `${when}<br/>${t('sensing.chart.avg')} ${formatReading(avg)} ${unit}<br/>${t('sensing.chart.band')} ${formatReading(min)} – ${formatReading(max)} ${unit}`;
      },
    },
    xAxis: { type: 'time', axisLabel: { fontSize, hideOverlap: true } },
    yAxis: {
      type: 'value',
      min: bounds.min,
      max: bounds.max,
      axisLabel: { fontSize },
      splitLine: { lineStyle: { color: '#e8e8e8' } },
    },
    series: [
      {
        // The band's floor: invisible, only lifts the band to the minimum.
        type: 'line',
        stack: 'band',
        data: points.map(([ms, , min]) => [ms, min]),
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
      },
      {
        name: t('sensing.chart.band'),
        type: 'line',
        stack: 'band',
        data: points.map(([ms, , min, max]) => [ms, max - min]),
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(21, 84, 173, 0.18)' },
        itemStyle: { color: 'rgba(21, 84, 173, 0.35)' },
        symbol: 'none',
        silent: true,
      },
      {
        name: t('sensing.chart.avg'),
        type: 'line',
        data: points.map(([ms, avg]) => [ms, avg]),
        showSymbol: points.length < 40,
        lineStyle: { width: fontSize > 12 ? 3 : 2, color: AVG_COLOUR },
        itemStyle: { color: AVG_COLOUR },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          data: lines.map((line) => {
            const colour = COLOUR_STYLE[severityColour(line.severity)].background;
            return {
              yAxis: line.value,
              name: label(line, unit),
              lineStyle: { color: colour, type: 'dashed', width: 2 },
              label: { formatter: label(line, unit), position: 'insideEndTop', color: colour, fontSize },
            };
          }),
        },
      },
    ],
  };
}
