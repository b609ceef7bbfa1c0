import { Button, Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApplicationStatus } from '../components/data/open/application-table';
import { DecisionModal } from '../components/data/open/decision-modal';
import { loadReviewInbox, type ReviewApplication } from '../components/data/open/open-api';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

type Filter = 'submitted' | 'approved' | 'rejected' | 'all';

/** Staff: the department's open-data applications (数据开放申请), approve or reject each. */
export function OpenApplicationsPage() {
  const t = useT();
  const { locale } = usePreferences();
  const [filter, setFilter] = useState<Filter>('submitted');
  const [deciding, setDeciding] = useState<{
    application: ReviewApplication;
    decision: 'approve' | 'reject';
  }>();
  const { data, loading, reload } = useLoad(
    () => loadReviewInbox(filter === 'all' ? undefined : filter),
    [filter],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('open.review.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('open.review.intro')}</Typography.Paragraph>
      <Card>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'submitted', label: t('open.status.submitted') },
            { value: 'approved', label: t('open.status.approved') },
            { value: 'rejected', label: t('open.status.rejected') },
            { value: 'all', label: t('common.all') },
          ]}
          style={{ marginBottom: 16 }}
        />
        <Table<ReviewApplication>
          rowKey="id"
          loading={loading}
          scroll={{ x: true }}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('open.review.empty') }}
          columns={[
            {
              title: t('open.application.number'),
              dataIndex: 'caseNumber',
              render: (v: string, a) => (
                <Link to={`/cases/${a.caseId}`} className="zz-mono">
                  {v}
                </Link>
              ),
            },
            { title: t('open.application.resource'), dataIndex: 'resourceName' },
            {
              title: t('open.application.organisation'),
              dataIndex: 'organisation',
              render: (v: string, a) => `${v}（${a.applicant}）`,
            },
            {
              title: t('open.application.items'),
              dataIndex: 'items',
              render: (v: string[], a) => v.map((c) => a.itemNames[c] ?? c).join('、'),
            },
            { title: t('open.application.purpose'), dataIndex: 'purpose', ellipsis: true },
            { title: t('open.application.duration'), dataIndex: 'durationDays', align: 'right' },
            {
              title: t('open.application.dueAt'),
              dataIndex: 'dueAt',
              render: (v: string | null) => (v ? formatDateTime(v, locale) : '—'),
            },
            {
              title: t('open.application.status'),
              dataIndex: 'status',
              render: (v: ReviewApplication['status']) => <ApplicationStatus value={v} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, a) =>
                a.status === 'submitted' ? (
                  <Space>
                    <Button
                      type="primary"
                      size="small"
                      data-testid="open-approve"
                      onClick={() => setDeciding({ application: a, decision: 'approve' })}
                    >
                      {t('open.review.approve')}
                    </Button>
                    <Button
                      danger
                      size="small"
                      onClick={() => setDeciding({ application: a, decision: 'reject' })}
                    >
                      {t('open.review.reject')}
                    </Button>
                  </Space>
                ) : (
                  a.grantedItems.map((c) => a.itemNames[c] ?? c).join('、') || '—'
                ),
            },
          ]}
        />
      </Card>
      {deciding && (
        <DecisionModal
          application={deciding.application}
          decision={deciding.decision}
          onClose={(decided) => {
            setDeciding(undefined);
            if (decided) reload();
          }}
        />
      )}
    </Space>
  );
}
