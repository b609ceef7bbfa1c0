import { ReloadOutlined } from '@ant-design/icons';
import { type Job, type Schedule, unwrap } from '@zhizhi/api-client';
import { Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useId, useState } from 'react';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
const STATUS_COLOURS: Record<string, string> = {
  pending: 'blue',
  running: 'processing',
  done: 'green',
  failed: 'red',
  cancelled: 'default',
};

export function JobsPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const { can } = useSession();
  const canManage = can('jobs.manage');
  const statusLabel = useId();
  const [status, setStatus] = useState<'pending' | 'done' | 'failed' | 'cancelled'>();
  const { run } = useAction();
  const jobs = useLoad(
    () =>
      unwrap(api.GET('/api/admin/jobs', { params: { query: status ? { status } : {} } })).then(
        (body) => body.items,
      ),
    [status],
  );
  const schedules = useLoad(() => unwrap(api.GET('/api/admin/schedules')).then((body) => body.items), []);
  const when = (value: string | null) => formatDateTime(value, locale);

  const retry = async (job: Job) => {
    const done = await run(
      () => unwrap(api.POST('/api/admin/jobs/{id}/retry', { params: { path: { id: job.id } } })),
      {
        success: t('jobs.retried'),
      },
    );
    if (done) jobs.reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.jobs')}
      </Typography.Title>
      <Card
        title={t('jobs.schedules')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={schedules.reload}>
            {t('common.refresh')}
          </Button>
        }
      >
        <Table<Schedule>
          rowKey="id"
          size="small"
          loading={schedules.loading}
          dataSource={schedules.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('jobs.name'),
              dataIndex: 'name',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            {
              title: t('jobs.kind'),
              dataIndex: 'kind',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            {
              title: t('jobs.cron'),
              dataIndex: 'cron',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            { title: t('jobs.timezone'), dataIndex: 'timezone' },
            {
              title: t('jobs.enabled'),
              dataIndex: 'enabled',
              render: (enabled: boolean) =>
                enabled ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
            },
            { title: t('jobs.nextRunAt'), dataIndex: 'nextRunAt', render: when },
            { title: t('jobs.lastRunAt'), dataIndex: 'lastRunAt', render: when },
          ]}
        />
      </Card>
      <Card
        title={t('jobs.jobs')}
        extra={
          <Space wrap>
            <span id={statusLabel}>{t('jobs.status')}</span>
            <Select
              aria-labelledby={statusLabel}
              allowClear
              placeholder={t('common.all')}
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              options={JOB_STATUSES.map((value) => ({ value, label: enumLabel('jobStatus', value) }))}
            />
            <Button icon={<ReloadOutlined />} onClick={jobs.reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      >
        <Table<Job>
          rowKey="id"
          size="small"
          loading={jobs.loading}
          dataSource={jobs.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('jobs.kind'),
              dataIndex: 'kind',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            {
              title: t('jobs.status'),
              dataIndex: 'status',
              render: (value: string) => (
                <Tag color={STATUS_COLOURS[value] ?? 'default'}>{enumLabel('jobStatus', value)}</Tag>
              ),
            },
            { title: t('jobs.runAt'), dataIndex: 'runAt', render: when },
            {
              title: t('jobs.attempts'),
              key: 'attempts',
              render: (_: unknown, job) => `${job.attempts} / ${job.maxAttempts}`,
            },
            {
              title: t('jobs.lastError'),
              dataIndex: 'lastError',
              render: (value: string | null) =>
                value ? (
                  <Tooltip title={value}>
                    <span
                      className="zz-mono"
                      style={{
                        display: 'inline-block',
                        maxWidth: 320,
                        overflow: 'hidden',
                        textOverflow: 'ellipsis',
                        whiteSpace: 'nowrap',
                      }}
                    >
                      {value}
                    </span>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { title: t('jobs.createdAt'), dataIndex: 'createdAt', render: when },
            { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: when },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, job: Job) =>
                      job.status === 'failed' ? (
                        <Button type="link" onClick={() => retry(job)}>
                          {t('jobs.retry')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
