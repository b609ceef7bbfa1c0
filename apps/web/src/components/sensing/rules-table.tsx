import { Table, Tag } from 'antd';
import { hasMessage, type Translate } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { SeverityTag } from './sensing-tags';
import type { SensingMetric, SensingRule, Severity } from './types';

function isSeverity(value: string): value is Severity {
  return ['critical', 'major', 'minor', 'warning', 'indeterminate'].includes(value);
}

/** A rule's condition in words: `水位 > 警戒水位 (83) 持续 600 秒 回差 0.05`. */
function condition(
  rule: SensingRule,
  attributes: Record<string, number | string>,
  metricName: (code: string) => string,
  t: Translate,
): string {
  const p = rule.params;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  switch (p.kind) {
    case 'threshold': {
      const value = p.value;
      const named = typeof value === 'string';
      const key = `sensing.attr.${String(value)}`;
      const valueText = named
        ? `${hasMessage(key) ? t(key) : String(value)} (${String(attributes[value] ?? '?')})`
        : String(value);
      const parts = [`${metricName(String(p.metric))} ${String(p.op)} ${valueText}`];
      if (num(p.durationSeconds) > 0)
        parts.push(t('sensing.rule.duration', { seconds: num(p.durationSeconds) }));
      if (num(p.hysteresis) > 0) parts.push(t('sensing.rule.hysteresis', { value: num(p.hysteresis) }));
      return parts.join('，');
    }
    case 'rate':
      return t('sensing.rule.rate', { metric: metricName(String(p.metric)), value: num(p.ratePerHour) });
    case 'nodata':
      return t('sensing.rule.nodata', { minutes: num(p.minutes) });
    case 'expression':
      return String(p.expression ?? '');
    default:
      return '—';
  }
}

/** A station's alarm rules with their conditions as people read them. */
export function RulesTable({
  rules,
  metrics,
  attributes,
}: {
  rules: readonly SensingRule[];
  metrics: readonly SensingMetric[];
  attributes: Record<string, number | string>;
}) {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const metricName = (code: string) => {
    const metric = metrics.find((m) => m.code === code);
    return metric ? localName(metric.nameZh, metric.nameEn) : code;
  };
  return (
    <Table<SensingRule>
      rowKey="id"
      size={elderMode ? 'middle' : 'small'}
      data-testid="sensing-rules"
      dataSource={[...rules]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: t('sensing.rule.name'), render: (_, r) => localName(r.nameZh, r.nameEn) },
        {
          key: 'kind',
          title: t('sensing.rule.kind'),
          render: (_, r) => {
            const key = `sensing.rule.kind.${String(r.params.kind)}`;
            return hasMessage(key) ? t(key) : String(r.params.kind);
          },
        },
        {
          key: 'condition',
          title: t('sensing.rule.condition'),
          render: (_, r) => condition(r, attributes, metricName, t),
        },
        {
          key: 'severity',
          title: t('sensing.rule.severity'),
          render: (_, r) => (isSeverity(r.severity) ? <SeverityTag severity={r.severity} /> : r.severity),
        },
        {
          key: 'active',
          title: t('sensing.rule.active'),
          render: (_, r) => (
            <Tag color={r.active ? 'success' : 'default'}>{t(r.active ? 'common.yes' : 'common.no')}</Tag>
          ),
        },
      ]}
    />
  );
}
