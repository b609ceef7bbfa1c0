import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useLocalName, useT } from '../../i18n/use-t';
import { useGovernanceLookups } from '../cases/lookups';
import type { Indicator } from '../cases/types';

type Scope = Indicator['scopes'][number];

/** The indicators the console shows, in this order (受理, 办结, 按期办结率, 超期, 满意率, 跨部门办结率). */
export const CONSOLE_INDICATORS = [
  'governance.events.accepted',
  'governance.events.closed',
  'governance.events.on_time_rate',
  'governance.events.overdue',
  'governance.events.satisfaction',
  'governance.events.cross_department_completion',
];

function scopeOf(indicator: Indicator, code: string): Scope | undefined {
  return indicator.scopes.find((s) => s.scopeType === 'division' && s.scopeCode === code);
}

/** Whether a value meets its target (higher or lower is better); null when there is no target. */
function meets(indicator: Indicator, value: number | null): boolean | null {
  if (indicator.target === null || value === null) return null;
  return indicator.direction === 'lower_better' ? value <= indicator.target : value >= indicator.target;
}

function formatValue(indicator: Indicator, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return indicator.unit === 'percent' ? `${value.toFixed(1)}%` : String(value);
}

function ordered(items: Indicator[]): Indicator[] {
  return CONSOLE_INDICATORS.flatMap((code) => items.filter((i) => i.code === code));
}

/** One card per indicator for the district: value, target, and for rates the counts behind them. */
export function IndicatorStrip({ items, districtCode }: { items: Indicator[]; districtCode: string }) {
  const t = useT();
  const localName = useLocalName();
  return (
    <Row gutter={[12, 12]} data-testid="indicator-strip">
      {ordered(items).map((indicator) => {
        const scope = scopeOf(indicator, districtCode);
        const value = scope?.value ?? (indicator.unit === 'count' ? 0 : null);
        const ok = meets(indicator, value);
        const target =
          indicator.target === null
            ? null
            : `${indicator.direction === 'lower_better' ? '≤' : '≥'} ${indicator.target}${indicator.unit === 'percent' ? '%' : ''}`;
        return (
          <Col key={indicator.code} xs={12} md={8} xl={4}>
            <Card
              size="small"
              data-testid="indicator"
              data-code={indicator.code}
              data-value={value ?? ''}
              data-numerator={scope?.numerator ?? 0}
              data-denominator={scope?.denominator ?? 0}
            >
              <Statistic
                title={localName(indicator.nameZh, indicator.nameEn)}
                value={formatValue(indicator, value)}
                styles={{ content: { color: ok === false ? '#cf1322' : ok ? '#237804' : undefined } }}
              />
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {target ? t('governance.stats.target', { target }) : t('governance.stats.noTarget')}
              </Typography.Text>
              {indicator.unit === 'percent' && scope && (
                <Typography.Text type="secondary" data-testid="indicator-counts">
                  {t('governance.stats.counts', { n: scope.numerator, d: scope.denominator })}
                </Typography.Text>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

type TownRow = { code: string; name: string };

/** The same indicators per township (街道/镇). */
export function TownshipTable({ items }: { items: Indicator[] }) {
  const t = useT();
  const localName = useLocalName();
  const { towns } = useGovernanceLookups();
  const indicators = ordered(items);
  return (
    <Table<TownRow>
      rowKey="code"
      size="small"
      pagination={false}
      data-testid="township-table"
      scroll={{ x: 'max-content' }}
      dataSource={towns.map((town) => ({ code: town.code, name: town.name }))}
      columns={[
        { title: t('cases.town'), dataIndex: 'name', fixed: 'left' },
        ...indicators.map((indicator) => ({
          title: localName(indicator.nameZh, indicator.nameEn),
          key: indicator.code,
          align: 'right' as const,
          render: (_: unknown, row: TownRow) => {
            const scope = scopeOf(indicator, row.code);
            const value = scope?.value ?? (indicator.unit === 'count' ? 0 : null);
            const ok = meets(indicator, value);
            const text = formatValue(indicator, value);
            return ok === false ? <Tag color="red">{text}</Tag> : text;
          },
        })),
      ]}
    />
  );
}
