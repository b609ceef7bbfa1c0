import { Card, Col, DatePicker, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { loadStats, type OpenStats } from '../components/data/open/open-api';
import { OpenShell } from '../components/data/open/open-shell';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

/** /open/stats — published usage: totals, by month, per dataset and per department (public). */
export function OpenStatsPage() {
  const t = useT();
  const localName = useLocalName();
  const [month, setMonth] = useState<string>();
  const { data, loading } = useLoad(() => loadStats(month), [month]);
  const totals: { key: keyof OpenStats['totals']; label: Parameters<typeof t>[0] }[] = [
    { key: 'openResources', label: 'open.stats.openResources' },
    { key: 'downloads', label: 'open.stats.downloads' },
    { key: 'apiCalls', label: 'open.stats.apiCalls' },
    { key: 'developers', label: 'open.stats.developers' },
  ];
  const usage = [
    { title: t('open.stats.downloadsCol'), dataIndex: 'downloads', align: 'right' as const },
    { title: t('open.stats.apiCallsCol'), dataIndex: 'apiCalls', align: 'right' as const },
  ];

  return (
    <OpenShell title={t('open.stats.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Row gutter={[12, 12]}>
          {totals.map((item) => (
            <Col xs={12} md={6} key={item.key}>
              <Card>
                <Statistic
                  title={t(item.label)}
                  value={data?.totals[item.key] ?? 0}
                  loading={loading}
                  data-testid={`open-stats-${item.key}`}
                />
              </Card>
            </Col>
          ))}
        </Row>
        <Card
          title={t('open.stats.perResource')}
          extra={
            <DatePicker
              picker="month"
              allowClear
              aria-label={t('open.stats.month')}
              value={data ? dayjs(`${data.month}-01`) : undefined}
              onChange={(value) => setMonth(value ? value.format('YYYY-MM') : undefined)}
            />
          }
        >
          <Table
            rowKey="code"
            size="small"
            scroll={{ x: true }}
            pagination={false}
            loading={loading}
            dataSource={data?.perResource ?? []}
            locale={{ emptyText: t('open.stats.empty') }}
            columns={[
              {
                title: t('open.application.resource'),
                dataIndex: 'name',
                width: 180,
                render: (name: string, r) => <Link to={`/open/datasets/${r.urlCode}`}>{name}</Link>,
              },
              {
                title: t('open.stats.department'),
                dataIndex: 'departmentName',
                width: 160,
                render: (name: string, r) => localName(name, r.departmentNameEn),
              },
              ...usage,
              { title: t('open.stats.rowsCol'), dataIndex: 'rows', align: 'right' as const },
            ]}
          />
        </Card>
        <Card title={t('open.stats.perDepartment')}>
          <Table
            rowKey="name"
            size="small"
            scroll={{ x: true }}
            pagination={false}
            loading={loading}
            dataSource={data?.perDepartment ?? []}
            columns={[
              {
                title: t('open.stats.department'),
                dataIndex: 'name',
                width: 180,
                render: (name: string, r) => localName(name, r.nameEn),
              },
              { title: t('open.stats.resourcesCol'), dataIndex: 'resources', align: 'right' as const },
              ...usage,
            ]}
          />
        </Card>
        <Card title={t('open.stats.byMonth')}>
          <Table
            rowKey="month"
            size="small"
            pagination={false}
            loading={loading}
            dataSource={[...(data?.byMonth ?? [])].reverse()}
            columns={[{ title: t('open.stats.monthCol'), dataIndex: 'month' }, ...usage]}
          />
        </Card>
      </Space>
    </OpenShell>
  );
}
