import { Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useLoad } from '../use-load';
import { useDepartmentsByCode, useTownNames } from './lookups';
import { call, type IndicatorScope, type ServiceIndicator } from './types';

const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${value.toFixed(1)}%`;

/** Meets its target: green; misses it: red; no target or no data: plain. */
function TargetTag({ indicator, value }: { indicator: ServiceIndicator; value: number | null | undefined }) {
  const t = useT();
  if (indicator.target === null || value === null || value === undefined) return null;
  const met = indicator.direction === 'higher_better' ? value >= indicator.target : value <= indicator.target;
  return (
    <Tag color={met ? 'green' : 'red'} data-testid="services-indicator-target" data-met={met}>
      {met ? t('govStaff.indicators.met') : t('govStaff.indicators.missed')}
    </Tag>
  );
}

/** 一网通办 indicators for a period: district cards with targets, then a table by township or department. */
export function IndicatorsPanel() {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const townName = useTownNames();
  const departments = useDepartmentsByCode();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [scope, setScope] = useState<'division' | 'department'>('division');
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const loaded = useLoad(
    () =>
      call<{ from: string; to: string; items: ServiceIndicator[] }>(
        api.GET('/api/services/indicators', { params: { query: { from, to } } }),
      ),
    [from, to],
  );
  const items = loaded.data?.items ?? [];
  // The district is the first division scope of every indicator.
  const district = items[0]?.scopes.find((s) => s.scopeType === 'division')?.scopeCode;
  const scopeCodes = [
    ...new Set(
      items.flatMap((i) =>
        i.scopes.filter((s) => s.scopeType === scope && s.scopeCode !== district).map((s) => s.scopeCode),
      ),
    ),
  ].sort();
  const scopeValue = (
    indicator: ServiceIndicator,
    type: IndicatorScope['scopeType'],
    code: string | undefined,
  ) => indicator.scopes.find((s) => s.scopeType === type && s.scopeCode === code);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="services-indicators">
      <Space wrap>
        <span>{t('govStaff.indicators.range')}</span>
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => setRange(value)}
          allowEmpty={[true, true]}
        />
      </Space>
      <Row gutter={[12, 12]}>
        {items.map((indicator) => {
          const scoped = scopeValue(indicator, 'division', district);
          return (
            <Col key={indicator.code} xs={24} sm={12} lg={elderMode ? 12 : 6}>
              <Card
                size="small"
                data-testid={`services-indicator-${indicator.code}`}
                loading={loaded.loading}
              >
                <Statistic
                  title={localName(indicator.nameZh, indicator.nameEn)}
                  value={percent(scoped?.value)}
                />
                <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    {scoped ? `${count(scoped.numerator)} / ${count(scoped.denominator)}` : '—'}
                  </Typography.Text>
                  {indicator.target !== null && (
                    <Typography.Text type="secondary">
                      {t('govStaff.indicators.target', { target: indicator.target })}
                    </Typography.Text>
                  )}
                  <TargetTag indicator={indicator} value={scoped?.value} />
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Segmented<'division' | 'department'>
        value={scope}
        onChange={setScope}
        options={[
          { value: 'division', label: t('govStaff.indicators.byTown') },
          { value: 'department', label: t('govStaff.indicators.byDepartment') },
        ]}
        data-testid="services-indicators-scope"
      />
      <Table<{ code: string }>
        rowKey="code"
        size="small"
        loading={loaded.loading}
        dataSource={scopeCodes.map((code) => ({ code }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('govStaff.indicators.empty')} /> }}
        data-testid="services-indicators-table"
        columns={[
          {
            title: scope === 'division' ? t('govStaff.indicators.town') : t('govStaff.matter.department'),
            dataIndex: 'code',
            fixed: 'left',
            render: (code: string) => (scope === 'division' ? townName(code) : departments.name(code)),
          },
          ...items.map((indicator) => ({
            title: localName(indicator.nameZh, indicator.nameEn),
            key: indicator.code,
            render: (_: unknown, row: { code: string }) => {
              const s = scopeValue(indicator, scope, row.code);
              if (!s || s.value === null) return '—';
              const missed =
                indicator.target !== null &&
                (indicator.direction === 'higher_better'
                  ? s.value < indicator.target
                  : s.value > indicator.target);
              return (
                <Typography.Text
                  type={missed ? 'danger' : undefined}
                  title={`${count(s.numerator)} / ${count(s.denominator)}`}
                >
                  {percent(s.value)}
                </Typography.Text>
              );
            },
          })),
        ]}
      />
    </Space>
  );
}
