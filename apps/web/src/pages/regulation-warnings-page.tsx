import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../api/api';
import { WarningsTable } from '../components/regulation-staff/activity-tables';
import { type CreditWarning, call } from '../components/regulation-staff/types';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

const FILTERS = ['open', 'acknowledged', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** 信用预警: warnings raised when a class worsens or adverse records pile up; acknowledge them. */
export function RegulationWarningsPage() {
  const t = useT();
  const { run } = useAction();
  const [params, setParams] = useSearchParams();
  const filter: Filter = (FILTERS as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Filter)
    : 'open';
  const warnings = useLoad(
    () =>
      call(
        api.GET('/api/regulation/warnings', {
          params: { query: filter === 'all' ? {} : { status: filter } },
        }),
      ).then((b) => b.items),
    [filter],
  );
  const acknowledge = (warning: CreditWarning) =>
    run(
      () =>
        call(api.POST('/api/regulation/warnings/{id}/acknowledge', { params: { path: { id: warning.id } } })),
      { success: t('regStaff.warning.acknowledged') },
    ).then((ok) => ok && warnings.reload());

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-warnings">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('regStaff.nav.warnings')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('regStaff.warning.intro')}</Typography.Paragraph>
      <Space wrap>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => setParams({ status: value })}
          options={FILTERS.map((value) => ({
            value,
            label: value === 'all' ? t('common.all') : t(`regStaff.warning.status.${value}`),
          }))}
          data-testid="reg-warnings-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={warnings.reload} loading={warnings.loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Card size="small">
        <WarningsTable
          warnings={warnings.data ?? []}
          loading={warnings.loading}
          showSubject
          onAcknowledge={acknowledge}
        />
      </Card>
    </Space>
  );
}
