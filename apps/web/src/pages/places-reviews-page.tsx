import { unwrap } from '@zhizhi/api-client';
import { Card, Col, Empty, Row, Segmented, Space, Table, Tag, Typography, theme } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { ReviewDetail } from '../components/places/review-detail';
import type { ReviewSummary } from '../components/places/types';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const STATES = ['open', 'accepted', 'rejected'] as const;
type ReviewState = (typeof STATES)[number];

/** 地址审核: the queue of low-confidence matches and proposed entries, and the chosen one to decide. */
export function PlacesReviewsPage() {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  const { token } = theme.useToken();
  const [params, setParams] = useSearchParams();
  const state = (STATES as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as ReviewState)
    : 'open';
  const selectedId = params.get('id');
  const list = useLoad(
    () => unwrap(api.GET('/api/places/reviews', { params: { query: { state } } })).then((body) => body.items),
    [state],
  );
  const set = (next: { state?: ReviewState; id?: string | null }) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      if (next.state) merged.set('state', next.state);
      if (next.id !== undefined) next.id ? merged.set('id', next.id) : merged.delete('id');
      return merged;
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.placesReviews')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('places.reviews.intro')}</Typography.Paragraph>
      <Segmented<ReviewState>
        value={state}
        onChange={(value) => set({ state: value, id: null })}
        options={STATES.map((value) => ({ value, label: t(`places.reviews.state.${value}`) }))}
        data-testid="places-review-state"
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 10}>
          <Card size="small">
            <Table<ReviewSummary>
              size="small"
              rowKey="id"
              loading={list.loading}
              dataSource={list.data ?? []}
              data-testid="places-review-list"
              locale={{ emptyText: <Empty description={t('places.reviews.empty')} /> }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              onRow={(row) => ({
                onClick: () => set({ id: row.id }),
                'aria-selected': row.id === selectedId,
                style: {
                  cursor: 'pointer',
                  background: row.id === selectedId ? token.colorPrimaryBg : undefined,
                },
              })}
              columns={[
                {
                  title: t('places.reviews.title'),
                  key: 'title',
                  render: (_, row) => (
                    <Space orientation="vertical" size={0}>
                      <Typography.Link
                        data-testid="places-review-open"
                        data-kind={String(row.data.kind ?? '')}
                        onClick={() => set({ id: row.id })}
                      >
                        {row.title}
                      </Typography.Link>
                      <Typography.Text type="secondary" className="zz-mono">
                        {row.number}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('places.reviews.kind'),
                  key: 'kind',
                  width: 130,
                  render: (_, row) =>
                    row.data.kind === 'proposal' ? (
                      <Tag color="blue">{t('places.reviews.kind.proposal')}</Tag>
                    ) : (
                      <Tag color="orange">{t('places.reviews.kind.match')}</Tag>
                    ),
                },
                {
                  title: t('places.reviews.openedAt'),
                  dataIndex: 'openedAt',
                  width: 150,
                  responsive: ['md'],
                  render: (value: string) => formatDateTime(value, locale),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 14}>
          {selectedId ? (
            <ReviewDetail id={selectedId} onDecided={list.reload} />
          ) : (
            <Card>
              <Typography.Text type="secondary">{t('places.reviews.choose')}</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
