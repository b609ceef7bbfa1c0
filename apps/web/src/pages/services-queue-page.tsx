import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/api';
import { SlaTag } from '../components/cases/sla-tag';
import { formatDateTime } from '../components/format';
import { ServiceStateTag } from '../components/services-staff/state-tag';
import {
  call,
  QUEUE_FILTERS,
  type QueueFilter,
  type QueueItem,
  serviceCasePath,
} from '../components/services-staff/types';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const FILTER_QUERY: Record<
  QueueFilter,
  { state?: 'received' | 'reviewing' | 'supplement'; open?: 'true' | 'false' }
> = {
  received: { state: 'received' },
  reviewing: { state: 'reviewing' },
  supplement: { state: 'supplement' },
  done: { open: 'false' },
};

/** Masked applicants of the overall cases (办件) one may read, by case id. */
async function applicantsByParent(): Promise<Map<string, string>> {
  const body = await call<{ items: QueueItem[] }>(
    api.GET('/api/cases', { params: { query: { typeCode: 'services_application', limit: 200 } } }),
  );
  return new Map(body.items.map((c) => [c.id, String(c.data.applicant ?? '')]));
}

/** 办件队列: the matter cases of my department, oldest deadline first, by state. */
export function ServicesQueuePage() {
  const t = useT();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = (QUEUE_FILTERS as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as QueueFilter)
    : 'received';
  const queue = useLoad(
    () =>
      call<{ items: QueueItem[] }>(
        api.GET('/api/services/queue', {
          params: { query: { ...FILTER_QUERY[filter], ...(filter === 'done' ? {} : { open: 'true' }) } },
        }),
      ).then((body) => body.items),
    [filter],
  );
  const applicants = useLoad(() => applicantsByParent().catch(() => new Map<string, string>()), [filter]);
  const rows = useMemo(
    () =>
      [...(queue.data ?? [])].sort((a, b) =>
        String(a.dueAt ?? a.data.promised_due ?? '').localeCompare(
          String(b.dueAt ?? b.data.promised_due ?? ''),
        ),
      ),
    [queue.data],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="services-queue">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('govStaff.nav.queue')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('govStaff.queue.intro')}</Typography.Paragraph>
      <Space wrap>
        <Segmented<QueueFilter>
          value={filter}
          onChange={(value) => setParams({ state: value })}
          options={QUEUE_FILTERS.map((value) => ({ value, label: t(`govStaff.queue.filter.${value}`) }))}
          data-testid="services-queue-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={queue.reload} loading={queue.loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Card size="small">
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          loading={queue.loading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={t('govStaff.queue.empty')} /> }}
          onRow={(row) => ({
            onClick: () => navigate(serviceCasePath(row.id)),
            style: { cursor: 'pointer' },
            'data-testid': `services-queue-row-${row.number}`,
          })}
          columns={[
            {
              title: t('govStaff.queue.number'),
              dataIndex: 'number',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            {
              title: t('govStaff.queue.matter'),
              key: 'matter',
              render: (_, row) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => navigate(serviceCasePath(row.id))}>
                    {row.title}
                  </Typography.Link>
                  <Typography.Text type="secondary" className="zz-mono">
                    {String(row.data.matter_code ?? '')}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('govStaff.queue.applicant'),
              key: 'applicant',
              render: (_, row) =>
                (row.data.applicant as string | undefined) ||
                (row.parentId && applicants.data?.get(row.parentId)) ||
                '—',
            },
            {
              title: t('govStaff.queue.deadline'),
              key: 'deadline',
              render: (_, row) => {
                const promised = typeof row.data.promised_due === 'string' ? row.data.promised_due : null;
                return (
                  <Space orientation="vertical" size={0}>
                    <SlaTag
                      dueAt={row.dueAt ?? promised}
                      warnAt={row.warnAt}
                      closedAt={row.closedAt}
                      paused={row.state === 'supplement'}
                      late={row.late}
                    />
                    {promised && (
                      <Typography.Text type="secondary">{formatDateTime(promised, locale)}</Typography.Text>
                    )}
                  </Space>
                );
              },
            },
            {
              title: t('govStaff.queue.state'),
              dataIndex: 'state',
              render: (state: string) => <ServiceStateTag state={state} />,
            },
            {
              title: t('govStaff.queue.openedAt'),
              dataIndex: 'openedAt',
              responsive: ['lg'],
              render: (value: string) => formatDateTime(value, locale),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
