import { unwrap } from '@zhizhi/api-client';
import { Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useLoad } from '../use-load';
import { type ChartOption, EChart } from '../charts/echart';
import { indicatorLines } from './chart-lines';
import {
  type BreakdownRow,
  type DrillLevel,
  formatValue,
  type IndicatorValue,
  type PeriodKind,
  STATUS_COLOR,
  STATUS_TAG,
  sortRows,
} from './model';

export interface BreakdownPanelProps {
  value: IndicatorValue;
  scope: string;
  period: PeriodKind;
  /** The indicator page of another scope (same indicator, same period). */
  hrefOf: (scope: string) => string;
}

/** 下钻: the indicator in every scope one level down, as a sorted bar chart and a table; click to drill. */
export function BreakdownPanel({ value, scope, period, hrefOf }: BreakdownPanelProps) {
  const t = useT();
  const levels = value.drillLevels.filter((l): l is DrillLevel => l !== 'district');
  const [chosen, setChosen] = useState<DrillLevel | null>(null);
  const level = chosen && levels.includes(chosen) ? chosen : levels[0];
  if (!level)
    return (
      <Card>
        <Empty description={t('cockpitStaff.breakdown.none')} />
      </Card>
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {levels.length > 1 && (
        <Segmented<DrillLevel>
          value={level}
          onChange={setChosen}
          options={levels.map((l) => ({ value: l, label: t(`cockpitStaff.level.${l}`) }))}
          data-testid="cockpit-breakdown-level"
        />
      )}
      <LevelBreakdown value={value} scope={scope} period={period} level={level} hrefOf={hrefOf} />
    </Space>
  );
}

function LevelBreakdown({
  value: v,
  scope,
  period,
  level,
  hrefOf,
}: BreakdownPanelProps & { level: DrillLevel }) {
  const t = useT();
  const localName = useLocalName();
  const navigate = useNavigate();
  const { locale, elderMode } = usePreferences();
  const data = useLoad(
    () =>
      unwrap(
        api.GET('/api/cockpit/indicators/{code}/breakdown', {
          params: { path: { code: v.code }, query: { level, parent: scope, period } },
        }),
      ),
    [v.code, level, scope, period],
  );
  const rows = useMemo(() => sortRows(data.data?.rows ?? [], v.direction), [data.data, v.direction]);
  const fmt = (x: number | null) => formatValue(x, v.unit, locale);
  const fontSize = elderMode ? 16 : 12;
  // The chart compares the scopes that have a value; the table lists every one.
  const charted = useMemo(() => rows.filter((r) => r.value !== null), [rows]);
  const horizontal = charted.length > 12 || level === 'department';
  const option = useMemo<ChartOption>(() => {
    const fmt = (x: number | null) => formatValue(x, v.unit, locale);
    const names = {
      type: 'category',
      data: charted.map((r) => r.name),
      axisLabel: { interval: 0, fontSize },
    };
    const values = { type: 'value', axisLabel: { fontSize }, ...(v.unit === 'percent' ? { max: 100 } : {}) };
    return {
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (x: unknown) => fmt(typeof x === 'number' ? x : null),
      },
      xAxis: horizontal
        ? values
        : { ...names, axisLabel: { ...names.axisLabel, rotate: charted.length > 8 ? 40 : 0 } },
      yAxis: horizontal ? { ...names, inverse: true } : values,
      series: [
        {
          type: 'bar',
          name: localName(v.nameZh, v.nameEn),
          cursor: 'pointer',
          barMaxWidth: 36,
          data: charted.map((r) => ({ value: r.value, itemStyle: { color: STATUS_COLOR[r.status] } })),
          markLine: indicatorLines(v, {
            t,
            fmt,
            fontSize,
            targetColour: '#1554ad',
            valueAxis: horizontal ? 'x' : 'y',
          }),
        },
      ],
    };
  }, [charted, horizontal, v, fontSize, locale, localName, t]);
  const chartHeight = horizontal ? charted.length * (elderMode ? 32 : 26) + 64 : elderMode ? 380 : 320;

  return (
    <Card size="small" loading={data.loading && !data.data}>
      <Typography.Paragraph type="secondary">{t('cockpitStaff.breakdown.help')}</Typography.Paragraph>
      {charted.length === 0 ? (
        <Empty description={t('cockpitStaff.breakdown.empty')} />
      ) : (
        <EChart
          option={option}
          height={chartHeight}
          label={t('cockpitStaff.breakdown.chart', {
            level: t(`cockpitStaff.level.${level}`),
            name: localName(v.nameZh, v.nameEn),
          })}
          onClick={(params) => {
            const row = params.componentType === 'series' ? charted[params.dataIndex] : undefined;
            if (row) navigate(hrefOf(row.scope));
          }}
          testId="cockpit-breakdown-chart"
        />
      )}
      <Table<BreakdownRow>
        rowKey="scope"
        size="small"
        style={{ marginTop: 16 }}
        loading={data.loading}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(row) => ({
          onClick: () => navigate(hrefOf(row.scope)),
          style: { cursor: 'pointer' },
        })}
        data-testid="cockpit-breakdown-table"
        columns={[
          {
            title: t('cockpitStaff.breakdown.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Link to={hrefOf(row.scope)} onClick={(e) => e.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          {
            title: t('cockpitStaff.indicator.value'),
            dataIndex: 'value',
            align: 'right',
            render: (x: number | null, row) => (
              <span style={{ color: STATUS_COLOR[row.status], fontWeight: 600 }}>{fmt(x)}</span>
            ),
          },
          ...(v.unit === 'percent'
            ? [
                {
                  title: t('cockpitStaff.indicator.fractionLabel'),
                  key: 'fraction',
                  align: 'right' as const,
                  render: (_: unknown, row: BreakdownRow) =>
                    row.numerator === null || row.denominator === null
                      ? '—'
                      : t('cockpitStaff.indicator.fraction', {
                          numerator: row.numerator.toLocaleString(locale),
                          denominator: row.denominator.toLocaleString(locale),
                        }),
                },
              ]
            : []),
          {
            title: t('cockpitStaff.breakdown.status'),
            dataIndex: 'status',
            render: (status: BreakdownRow['status']) => (
              <Tag color={STATUS_TAG[status]}>{t(`cockpitStaff.status.${status}`)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
