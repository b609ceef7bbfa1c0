import { Card, Table, Typography } from 'antd';
import { loadPublishedRatings } from '../components/gov-services/portal-api';
import { PortalShell } from '../components/gov-services/portal-shell';
import type { PublishedRating } from '../components/gov-services/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

/** 好差评公示 (no login): ratings by department, averages per indicator, bad ones rectified. */
export function PortalRatingsPage() {
  const t = useT();
  const name = useLocalName();
  const loaded = useLoad(loadPublishedRatings, []);
  const indicators = loaded.data?.indicators ?? [];
  return (
    <PortalShell title={t('portal.ratings.title')}>
      <Card>
        <Typography.Paragraph>{t('portal.ratings.intro')}</Typography.Paragraph>
        <Table<PublishedRating>
          rowKey="departmentCode"
          loading={loaded.loading}
          dataSource={loaded.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          data-testid="portal-ratings"
          locale={{ emptyText: t('portal.ratings.empty') }}
          columns={[
            {
              title: t('portal.ratings.department'),
              key: 'department',
              render: (_, row) => name(row.departmentName.zh, row.departmentName.en),
            },
            { title: t('portal.ratings.count'), dataIndex: 'ratings', align: 'right' },
            {
              title: t('portal.ratings.satisfaction'),
              dataIndex: 'satisfactionRate',
              align: 'right',
              render: (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`),
            },
            ...indicators.map((indicator) => ({
              title: name(indicator.zh, indicator.en),
              key: indicator.code,
              align: 'right' as const,
              render: (_: unknown, row: PublishedRating) => row.averages[indicator.code]?.toFixed(2) ?? '—',
            })),
            { title: t('portal.ratings.bad'), dataIndex: 'bad', align: 'right' },
            { title: t('portal.ratings.rectified'), dataIndex: 'rectified', align: 'right' },
          ]}
        />
      </Card>
    </PortalShell>
  );
}
