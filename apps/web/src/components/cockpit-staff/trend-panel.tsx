import { unwrap } from '@zhizhi/api-client';
import { Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useLoad } from '../use-load';
import { type ChartOption, EChart } from '../charts/echart';
import { indicatorLines } from './chart-lines';
import { formatValue, type IndicatorValue } from './model';

const DAYS = 90;

/** 趋势: the year-to-date value at the end of each of the last 90 days, with target and warning line. */
export function TrendPanel({ value: v, scope }: { value: IndicatorValue; scope: string }) {
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const trend = useLoad(
    () =>
      unwrap(
        api.GET('/api/cockpit/indicators/{code}/trend', {
          params: { path: { code: v.code }, query: { scope, days: DAYS } },
        }),
      ).then((body) => body.points),
    [v.code, scope],
  );
  const points = trend.data ?? [];
  const fontSize = elderMode ? 16 : 12;
  const option = useMemo<ChartOption>(() => {
    const fmt = (x: number | null) => formatValue(x, v.unit, locale);
    const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
    const refs = [v.target, v.warningLine].filter((x): x is number => x !== null);
    const all = [...values, ...refs];
    const spread = all.length ? Math.max(...all) - Math.min(...all) : 0;
    const pad = spread === 0 ? 1 : spread * 0.1;
    return {
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (x: unknown) => fmt(typeof x === 'number' ? x : null),
      },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: points.map((p) => p.date),
        axisLabel: { fontSize },
      },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize },
        ...(all.length
          ? {
              min: Math.floor(Math.min(...all) - pad),
              max:
                v.unit === 'percent'
                  ? Math.min(100, Math.ceil(Math.max(...all) + pad))
                  : Math.ceil(Math.max(...all) + pad),
            }
          : {}),
      },
      series: [
        {
          type: 'line',
          name: localName(v.nameZh, v.nameEn),
          data: points.map((p) => p.value),
          connectNulls: false,
          showSymbol: points.length < 40,
          lineStyle: { width: elderMode ? 3 : 2, color: '#1554ad' },
          itemStyle: { color: '#1554ad' },
          markLine: indicatorLines(v, { t, fmt, fontSize, targetColour: '#389e0d' }),
        },
      ],
    };
  }, [points, v, locale, fontSize, elderMode, localName, t]);

  return (
    <Card size="small" loading={trend.loading && !trend.data}>
      <Typography.Paragraph type="secondary">{t('cockpitStaff.trend.title')}</Typography.Paragraph>
      {points.every((p) => p.value === null) ? (
        <Empty description={t('cockpitStaff.trend.empty')} />
      ) : (
        <EChart
          option={option}
          height={elderMode ? 380 : 320}
          label={t('cockpitStaff.trend.chart', { name: localName(v.nameZh, v.nameEn) })}
          testId="cockpit-trend-chart"
        />
      )}
    </Card>
  );
}
