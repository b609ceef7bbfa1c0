import { Card, Empty, Space, Table, Tabs, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { RegulationIndicatorsCard } from '../components/regulation-staff/indicators-card';
import { PlanForm } from '../components/regulation-staff/plan-form';
import { InspectorsTable, ItemsTable } from '../components/regulation-staff/roster-tab';
import { PlanStatusTag } from '../components/regulation-staff/tags';
import {
  call,
  type PlanSummary,
  planPath,
  REGULATION_PERMISSIONS as P,
} from '../components/regulation-staff/types';
import { useDepartmentsByCode } from '../components/services-staff/lookups';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

const TABS = ['plans', 'roster'] as const;
type TabKey = (typeof TABS)[number];

function PlansTable({ plans, loading }: { plans: PlanSummary[]; loading: boolean }) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const departments = useDepartmentsByCode();
  const navigate = useNavigate();
  return (
    <Table<PlanSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={plans}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.plan.empty')} /> }}
      onRow={(row) =>
        ({
          onClick: () => navigate(planPath(row.id)),
          style: { cursor: 'pointer' },
          'data-testid': `reg-plan-row-${row.number}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
      data-testid="reg-plans"
      columns={[
        {
          title: t('regStaff.plan.number'),
          dataIndex: 'number',
          render: (v: string, row) => (
            <Link to={planPath(row.id)} className="zz-mono">
              {v}
            </Link>
          ),
        },
        { title: t('regStaff.plan.name'), key: 'name', render: (_, r) => localName(r.nameZh, r.nameEn) },
        {
          title: t('regStaff.plan.department'),
          dataIndex: 'departmentCode',
          render: (v: string) => departments.name(v),
        },
        {
          title: t('regStaff.plan.status'),
          dataIndex: 'status',
          render: (v: string) => <PlanStatusTag status={v} />,
        },
        { title: t('regStaff.plan.itemCount'), key: 'items', render: (_, r) => r.items.length },
        {
          title: t('regStaff.plan.townshipCount'),
          key: 'towns',
          render: (_, r) =>
            r.divisionCodes.length ? r.divisionCodes.length : t('regStaff.plan.wholeDistrict'),
        },
        {
          title: t('regStaff.plan.subjectCount'),
          key: 'subjects',
          render: (_, r) => (r.status === 'draft' ? '—' : r.subjects),
        },
        {
          title: t('regStaff.plan.visitCount'),
          key: 'visits',
          render: (_, r) => (r.drawnAt ? r.visits : '—'),
        },
        {
          title: t('regStaff.plan.createdAt'),
          dataIndex: 'createdAt',
          render: (v: string) => formatDateTime(v, locale),
        },
      ]}
    />
  );
}

/** 双随机抽查: the sampling plans, the item list and inspector roster, and the indicators. */
export function RegulationPlansPage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'roster' ? 'roster' : 'plans';
  const plans = useLoad(() => call(api.GET('/api/regulation/plans')).then((b) => b.items), []);
  const items = useLoad(() => call(api.GET('/api/regulation/items')).then((b) => b.items), []);
  const inspectors = useLoad(() => call(api.GET('/api/regulation/inspectors')).then((b) => b.items), []);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reg-plans-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('regStaff.nav.plans')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('regStaff.plan.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        items={[
          {
            key: 'plans',
            label: t('regStaff.plan.tab'),
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card
                  size="small"
                  title={t('regStaff.plan.list')}
                  extra={
                    can(P.managePlans) && (
                      <PlanForm items={items.data ?? []} onCreated={(plan) => navigate(planPath(plan.id))} />
                    )
                  }
                >
                  <PlansTable plans={plans.data ?? []} loading={plans.loading} />
                </Card>
                <RegulationIndicatorsCard />
              </Space>
            ),
          },
          {
            key: 'roster',
            label: t('regStaff.roster.tab'),
            children: (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small" title={t('regStaff.item.title')}>
                  <ItemsTable items={items.data ?? []} loading={items.loading} />
                </Card>
                <InspectorsTable
                  inspectors={inspectors.data ?? []}
                  items={items.data ?? []}
                  loading={inspectors.loading}
                  onChanged={inspectors.reload}
                />
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
