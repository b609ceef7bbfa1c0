import { Card, Col, Empty, Row, Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api';
import { SlaTag } from '../components/cases/sla-tag';
import { casePath } from '../components/cases/types';
import { EChart } from '../components/charts/echart';
import { formatDateTime } from '../components/format';
import { IndicatorsPanel } from '../components/services-staff/indicators-panel';
import { ServiceStateTag } from '../components/services-staff/state-tag';
import { call, type PublishedRating, type QueueItem } from '../components/services-staff/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

type RatingIndicator = { code: string; zh: string; en: string };
const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** 好差评与指标: published ratings by department, open rectifications, the service indicators. */
export function ServicesRatingsPage() {
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const { can } = useSession();
  const [rectOpen, setRectOpen] = useState<'open' | 'all'>('open');
  const ratings = useLoad(
    () =>
      call<{ items: PublishedRating[]; indicators: RatingIndicator[] }>(
        api.GET('/api/public/services/ratings'),
      ),
    [],
  );
  const rectifications = useLoad(
    () =>
      call<{ items: QueueItem[] }>(
        api.GET('/api/cases', {
          params: {
            query: {
              typeCode: 'services_rectification',
              limit: 100,
              ...(rectOpen === 'open' ? { open: 'true' } : {}),
            },
          },
        }),
      ).then((b) => b.items),
    [rectOpen],
  );
  const items = ratings.data?.items ?? [];
  const indicators = ratings.data?.indicators ?? [];
  const fontSize = elderMode ? 16 : 12;
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: items.map((r) => localName(r.departmentName.zh, r.departmentName.en)),
        axisLabel: { fontSize, interval: 0, rotate: items.length > 5 ? 30 : 0 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { fontSize, formatter: '{value}%' } },
      series: [
        {
          name: t('govStaff.ratings.satisfied'),
          type: 'bar',
          data: items.map((r) =>
            r.satisfactionRate === null ? 0 : Math.round(r.satisfactionRate * 1000) / 10,
          ),
        },
      ],
    }),
    [items, localName, fontSize, t],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="services-ratings">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('govStaff.nav.ratings')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('govStaff.ratings.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 16}>
          <Card title={t('govStaff.ratings.byDepartment')} size="small">
            <Table<PublishedRating>
              rowKey="departmentCode"
              size="small"
              loading={ratings.loading}
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('govStaff.ratings.empty')} /> }}
              data-testid="services-ratings-table"
              columns={[
                {
                  title: t('govStaff.matter.department'),
                  key: 'department',
                  fixed: 'left',
                  render: (_, r) => localName(r.departmentName.zh, r.departmentName.en),
                },
                { title: t('govStaff.ratings.count'), dataIndex: 'ratings' },
                {
                  title: t('govStaff.ratings.satisfied'),
                  key: 'rate',
                  render: (_, r) => rate(r.satisfactionRate),
                },
                ...indicators.map((i) => ({
                  title: localName(i.zh, i.en),
                  key: i.code,
                  render: (_: unknown, r: PublishedRating) => (r.averages[i.code] ?? 0).toFixed(2),
                })),
                { title: t('govStaff.ratings.bad'), dataIndex: 'bad' },
                { title: t('govStaff.ratings.rectified'), dataIndex: 'rectified' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 8}>
          <Card title={t('govStaff.ratings.chart')} size="small">
            {items.length ? (
              <EChart
                option={option}
                height={elderMode ? 320 : 260}
                label={t('govStaff.ratings.chart')}
                testId="services-ratings-chart"
              />
            ) : (
              <Empty description={t('govStaff.ratings.empty')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        title={t('govStaff.ratings.rectifications')}
        size="small"
        extra={
          <Segmented<'open' | 'all'>
            value={rectOpen}
            onChange={setRectOpen}
            options={[
              { value: 'open', label: t('govStaff.ratings.openOnly') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        }
      >
        <Table<QueueItem>
          rowKey="id"
          size="small"
          loading={rectifications.loading}
          dataSource={rectifications.data ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('govStaff.ratings.noRectifications')} /> }}
          data-testid="services-rectifications"
          onRow={(row) =>
            ({
              'data-testid': `services-rectification-row-${row.number}`,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('govStaff.queue.number'),
              dataIndex: 'number',
              render: (v: string, row) => (
                <Link to={casePath(row.id)} className="zz-mono" data-testid="services-rectification-open">
                  {v}
                </Link>
              ),
            },
            {
              title: t('govStaff.ratings.comment'),
              key: 'comment',
              render: (_, row) => String(row.data.rating_comment ?? '') || row.title,
            },
            {
              title: t('govStaff.queue.state'),
              dataIndex: 'state',
              render: (s: string) => <ServiceStateTag state={s} />,
            },
            {
              title: t('govStaff.queue.deadline'),
              key: 'sla',
              render: (_, row) => (
                <SlaTag dueAt={row.dueAt} warnAt={row.warnAt} closedAt={row.closedAt} late={row.late} />
              ),
            },
            {
              title: t('govStaff.queue.openedAt'),
              dataIndex: 'openedAt',
              render: (v: string) => formatDateTime(v, locale),
            },
          ]}
        />
      </Card>
      {can('services.application.read') && (
        <Card title={t('govStaff.indicators.title')} size="small">
          <IndicatorsPanel />
        </Card>
      )}
    </Space>
  );
}
