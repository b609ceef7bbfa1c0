import { ReloadOutlined } from '@ant-design/icons';
import { type Problem, problemOf, unwrap } from '@zhizhi/api-client';
import { Button, Card, Result, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/api';
import { BreakdownPanel } from '../components/cockpit-staff/breakdown-panel';
import { IndicatorHeader } from '../components/cockpit-staff/indicator-header';
import { PERIODS, type PeriodKind } from '../components/cockpit-staff/model';
import { RecordsPanel } from '../components/cockpit-staff/records-panel';
import { ReportedPanel } from '../components/cockpit-staff/reported-panel';
import { TrendPanel } from '../components/cockpit-staff/trend-panel';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

type Tab = 'breakdown' | 'trend' | 'records' | 'report';

/**
 * One cockpit indicator at a scope (`?scope=district|town:…|village:…|department:…`, default the
 * viewer's own) and period: definition and status, drill-down, trend, records and reported figures.
 */
export function CockpitIndicatorPage() {
  const t = useT();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get('scope') ?? undefined;
  const period: PeriodKind = (PERIODS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as PeriodKind)
    : 'year';
  const [tab, setTab] = useState<Tab>('breakdown');
  const failure = useRef<Problem | null>(null);
  const overview = useLoad(() => {
    failure.current = null;
    return unwrap(
      api.GET('/api/cockpit/overview', { params: { query: { scope: scopeParam, period } } }),
    ).catch((error: unknown) => {
      failure.current = problemOf(error);
      throw error;
    });
  }, [scopeParam, period]);
  const data = overview.data;
  const value = data?.indicators.find((i) => i.code === code);
  const scope = data?.scope.key ?? scopeParam ?? 'district';
  const hrefOf = (next: string, nextPeriod: PeriodKind = period) =>
    `/cockpit/indicators/${encodeURIComponent(code)}?scope=${encodeURIComponent(next)}&period=${nextPeriod}`;

  if (overview.failed && failure.current?.status === 403)
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('cockpitStaff.scope.forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate(`/cockpit/indicators/${encodeURIComponent(code)}`)}>
            {t('cockpitStaff.scope.mine')}
          </Button>
        }
      />
    );
  if (!data)
    return overview.failed ? (
      <Result
        status="warning"
        title={t('error.unknown')}
        extra={<Button onClick={overview.reload}>{t('common.refresh')}</Button>}
      />
    ) : (
      <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />
    );
  if (!value)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('cockpitStaff.indicator.notFound')}
        extra={<Button onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
      />
    );

  const tabs = [
    {
      key: 'breakdown',
      label: t('cockpitStaff.tab.breakdown'),
      children: <BreakdownPanel value={value} scope={scope} period={period} hrefOf={hrefOf} />,
    },
    {
      key: 'trend',
      label: t('cockpitStaff.tab.trend'),
      children: <TrendPanel value={value} scope={scope} />,
    },
    {
      key: 'records',
      label: t('cockpitStaff.tab.records'),
      children: <RecordsPanel value={value} scope={scope} period={period} />,
    },
    ...(value.source === 'reported'
      ? [
          {
            key: 'report',
            label: t('cockpitStaff.tab.report'),
            children: <ReportedPanel value={value} onSaved={overview.reload} />,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="cockpit-indicator">
      <Space wrap>
        <Typography.Text id="cockpit-period-label">{t('cockpitStaff.period.label')}</Typography.Text>
        <Segmented<PeriodKind>
          aria-labelledby="cockpit-period-label"
          value={period}
          onChange={(next) => setParams({ scope, period: next })}
          options={PERIODS.map((p) => ({ value: p, label: t(`cockpitStaff.period.${p}`) }))}
          data-testid="cockpit-period"
        />
        <Button icon={<ReloadOutlined />} onClick={overview.reload} loading={overview.loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      <IndicatorHeader value={value} scope={scope} scopeName={data.scope.name} period={period} />
      <Card size="small">
        <Tabs
          activeKey={tabs.some((x) => x.key === tab) ? tab : 'breakdown'}
          onChange={(key) => setTab(key as Tab)}
          items={tabs}
          destroyOnHidden
        />
      </Card>
    </Space>
  );
}
