import { BellOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { RequireApplicant } from '../components/gov-services/applicant-session';
import { ContactCard } from '../components/gov-services/contact-card';
import { loadApplications, loadNotices } from '../components/gov-services/portal-api';
import { stateColor } from '../components/gov-services/portal-format';
import { PortalShell } from '../components/gov-services/portal-shell';
import type { Application } from '../components/gov-services/types';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

function MyApplications() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const name = useLocalName();
  const { locale } = usePreferences();
  const applications = useLoad(loadApplications, []);
  const notices = useLoad(loadNotices, []);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('portal.applications.list')}>
        <Table<Application>
          rowKey="id"
          loading={applications.loading}
          dataSource={applications.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="portal-applications"
          locale={{
            emptyText: (
              <Empty description={t('portal.applications.empty')}>
                <Link to="/portal">{t('portal.nav.home')}</Link>
              </Empty>
            ),
          }}
          columns={[
            {
              title: t('portal.applications.number'),
              key: 'number',
              render: (_, row) => (
                <Link to={`/portal/applications/${row.id}`} data-testid={`portal-application-${row.id}`}>
                  <span className="zz-mono">{row.number ?? t('portal.applications.draftNumber')}</span>
                </Link>
              ),
            },
            {
              title: t('portal.applications.what'),
              key: 'what',
              render: (_, row) => row.matterCodes.join('、'),
            },
            {
              title: t('portal.applications.status'),
              dataIndex: 'status',
              render: (status: string) => (
                <Tag color={stateColor(status)}>{enumLabel('portal.status', status)}</Tag>
              ),
            },
            {
              title: t('portal.applications.updated'),
              dataIndex: 'updatedAt',
              render: (value: string) => formatDateTime(value, locale),
            },
          ]}
        />
      </Card>
      <Card
        title={
          <>
            <BellOutlined /> {t('portal.notices.title')}
          </>
        }
      >
        <List
          data-testid="portal-notices"
          loading={notices.loading}
          dataSource={notices.data ?? []}
          locale={{ emptyText: t('portal.notices.empty') }}
          renderItem={(notice) => (
            <List.Item
              extra={
                <Typography.Text type="secondary">{formatDateTime(notice.createdAt, locale)}</Typography.Text>
              }
            >
              {notice.applicationId ? (
                <Link to={`/portal/applications/${notice.applicationId}`}>
                  {name(notice.titleZh, notice.titleEn)}
                </Link>
              ) : (
                name(notice.titleZh, notice.titleEn)
              )}
            </List.Item>
          )}
        />
      </Card>
      <ContactCard />
    </Space>
  );
}

/** 我的办件: drafts and submitted applications, and the messages about them. */
export function PortalApplicationsPage() {
  const t = useT();
  return (
    <PortalShell title={t('portal.applications.title')}>
      <RequireApplicant>
        <MyApplications />
      </RequireApplicant>
    </PortalShell>
  );
}
