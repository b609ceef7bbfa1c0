import { unwrap } from '@zhizhi/api-client';
import { Breadcrumb, Card, Descriptions, Progress, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useSystemInfo } from '../../api/system-info';
import { useEnumLabel, useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import {
  formatValue,
  type IndicatorValue,
  type PeriodKind,
  parseScopeKey,
  STATUS_COLOR,
  STATUS_TAG,
  scopeTrail,
} from './model';

/**
 * Names of the scopes above `scope`: the district from the system's region, a village's town from
 * the town breakdown (silently left as its code when the viewer may not see the district).
 */
function useTrailNames(code: string, scope: string, currentName: string): Map<string, string> {
  const info = useSystemInfo();
  const localName = useLocalName();
  const t = useT();
  const [townName, setTownName] = useState<[string, string] | null>(null);
  const trail = scopeTrail(scope);
  const town = trail.length === 3 ? trail[1] : null;
  useEffect(() => {
    if (!town) return;
    let current = true;
    unwrap(
      api.GET('/api/cockpit/indicators/{code}/breakdown', {
        params: { path: { code }, query: { level: 'town', parent: 'district' } },
      }),
    )
      .then((body) => {
        const row = body.rows.find((r) => r.scope === town);
        if (current && row) setTownName([town, row.name]);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, town]);
  const names = new Map<string, string>();
  names.set(
    'district',
    info ? localName(info.region.name, info.region.nameEn) : t('cockpitStaff.scope.district'),
  );
  if (townName) names.set(townName[0], townName[1]);
  names.set(scope, currentName);
  return names;
}

export interface IndicatorHeaderProps {
  value: IndicatorValue;
  /** The scope key (`district`, `town:…`) and its name. */
  scope: string;
  scopeName: string;
  period: PeriodKind;
}

/** The indicator at a scope: trail of scopes, value with status, trajectory, freshness and its definition. */
export function IndicatorHeader({ value: v, scope, scopeName, period }: IndicatorHeaderProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const names = useTrailNames(v.code, scope, scopeName);
  const fmt = (x: number | null) => formatValue(x, v.unit, locale);
  const trail = scopeTrail(scope);
  const hrefOf = (key: string) =>
    `/cockpit/indicators/${encodeURIComponent(v.code)}?scope=${encodeURIComponent(key)}&period=${period}`;
  const nameOf = (key: string) => names.get(key) ?? parseScopeKey(key).code ?? key;
  const warning = v.openWarning;
  const progress = v.progress;

  return (
    <Card data-testid="cockpit-indicator-header">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={trail.map((key, i) => ({
          key,
          title:
            i === trail.length - 1 ? (
              <span aria-current="page">{nameOf(key)}</span>
            ) : (
              <Link to={hrefOf(key)}>{nameOf(key)}</Link>
            ),
        }))}
      />
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {localName(v.nameZh, v.nameEn)}
        </Typography.Title>
        <Tag color={STATUS_TAG[v.status]}>{t(`cockpitStaff.status.${v.status}`)}</Tag>
        <Tag>{t(`cockpitStaff.source.${v.source}`)}</Tag>
        {warning && (
          <Tag color="error">
            {enumLabel('cockpitStaff.warning', warning.kind)}
            {' · '}
            {warning.taskId ? (
              <Link to={`/supervision/${warning.taskId}`}>{t('cockpitStaff.warning.dispatched')}</Link>
            ) : (
              t('cockpitStaff.warning.notDispatched')
            )}
          </Tag>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {t('cockpitStaff.indicator.definition', {
          text: locale === 'en-US' ? v.formulaTextEn : v.formulaText,
        })}
      </Typography.Paragraph>
      <Space wrap size={48} style={{ marginBottom: 16 }}>
        <Statistic
          title={t('cockpitStaff.indicator.value')}
          value={fmt(v.value)}
          styles={{ content: { color: STATUS_COLOR[v.status], fontWeight: 600 } }}
          data-testid="cockpit-indicator-value"
        />
        <Statistic title={t('cockpitStaff.indicator.expected')} value={fmt(v.expected)} />
        {v.numerator !== null &&
          v.denominator !== null &&
          v.unit === 'percent' &&
          v.source === 'measured' && (
            <Statistic
              title={t('cockpitStaff.indicator.fractionLabel')}
              value={t('cockpitStaff.indicator.fraction', {
                numerator: v.numerator.toLocaleString(locale),
                denominator: v.denominator.toLocaleString(locale),
              })}
            />
          )}
        {progress !== null && (
          <div style={{ minWidth: 180 }}>
            <Typography.Text type="secondary">{t('cockpitStaff.indicator.progress')}</Typography.Text>
            <Progress
              percent={Math.round(progress * 1000) / 10}
              strokeColor={STATUS_COLOR[v.status]}
              aria-label={t('cockpitStaff.indicator.progress')}
            />
          </div>
        )}
        <div>
          <Typography.Text type="secondary">{t('cockpitStaff.indicator.freshness')}</Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 4, marginTop: 4 }}>
            <Tag color={v.freshness === 'live' ? 'green' : 'blue'}>
              {t(`cockpitStaff.freshness.${v.freshness}`)}
            </Tag>
            {v.value !== null && (
              <Typography.Text type="secondary">
                {t('cockpitStaff.indicator.computedAt', { time: formatDateTime(v.computedAt, locale) })}
              </Typography.Text>
            )}
          </div>
        </div>
      </Space>
      <Descriptions size="small" column={elderMode ? { xs: 1, lg: 2 } : { xs: 1, sm: 2, xl: 4 }} bordered>
        <Descriptions.Item label={t('cockpitStaff.indicator.target')}>
          {v.target === null ? t('cockpitStaff.indicator.targetGrow') : fmt(v.target)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.warningLine')}>
          {v.warningLine === null ? t('cockpitStaff.indicator.notSet') : fmt(v.warningLine)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.baseline')}>
          {v.baseline === null ? t('cockpitStaff.indicator.notSet') : fmt(v.baseline)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.deadline')}>
          {v.deadline ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.owner')}>
          {v.ownerDepartment
            ? localName(v.ownerDepartment.name, v.ownerDepartment.nameEn)
            : t('cockpitStaff.indicator.notSet')}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.source')}>
          {t(`cockpitStaff.source.${v.source}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.unit')}>
          {enumLabel('cockpitStaff.unit', v.unit)}
        </Descriptions.Item>
        <Descriptions.Item label={t('cockpitStaff.indicator.promise')}>
          {enumLabel('cockpitStaff.promise', v.promise)} · {enumLabel('cockpitStaff.direction', v.direction)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
