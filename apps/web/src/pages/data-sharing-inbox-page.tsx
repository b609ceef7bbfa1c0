import { unwrap } from '@zhizhi/api-client';
import { Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import { GrantDetailDrawer } from '../components/data/sharing/grant-detail-drawer';
import { RequestDetailDrawer } from '../components/data/sharing/request-detail-drawer';
import { RequestStatusTag } from '../components/data/sharing/share-tags';
import type { ShareRequest } from '../components/data/sharing/types';
import { useDepartmentNames } from '../components/data/sharing/use-department-names';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

type Box = 'inbox' | 'mine';

/** Requests still waiting for a decision first, then the decided ones, each as the server ordered them. */
const pendingFirst = (rows: ShareRequest[]) =>
  [...rows].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));

/** 共享申请与审批: requests received (my department provides) and my department's own requests. */
export function DataSharingInboxPage() {
  const t = useT();
  const { locale } = usePreferences();
  const { can } = useSession();
  const departmentName = useDepartmentNames();
  const [box, setBox] = useState<Box>(can('data.share.approve') ? 'inbox' : 'mine');
  const [openId, setOpenId] = useState<string | null>(null);
  const [grantId, setGrantId] = useState<string | null>(null);
  const requests = useLoad(
    () => unwrap(api.GET('/api/data/share/requests', { params: { query: { box } } })).then((b) => b.items),
    [box],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('share.inbox.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('share.inbox.intro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={box}
          onChange={(key) => setBox(key as Box)}
          items={[
            { key: 'inbox', label: t('share.inbox.toApprove') },
            { key: 'mine', label: t('share.inbox.mine') },
          ]}
        />
        <Table<ShareRequest>
          rowKey="id"
          loading={requests.loading}
          dataSource={pendingFirst(requests.data ?? [])}
          data-testid="share-requests"
          locale={{ emptyText: t('share.inbox.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('share.col.number'),
              dataIndex: 'number',
              render: (v: string) => (
                <Typography.Link className="zz-mono" data-testid="share-request-number">
                  {v}
                </Typography.Link>
              ),
            },
            {
              title: t('share.col.resource'),
              dataIndex: 'resourceName',
              render: (v: string, row) => (
                <>
                  {v}{' '}
                  <Typography.Text type="secondary" className="zz-mono">
                    {row.resourceCode}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: box === 'inbox' ? t('share.col.consumer') : t('share.col.provider'),
              render: (_: unknown, row) =>
                departmentName(box === 'inbox' ? row.consumerDepartmentId : row.providerDepartmentId),
            },
            {
              title: t('share.col.kind'),
              dataIndex: 'kind',
              render: (v: ShareRequest['kind']) => <Tag>{t(`share.kind.${v}`)}</Tag>,
            },
            { title: t('share.col.items'), dataIndex: 'items', render: (v: string[]) => v.length },
            {
              title: t('share.col.status'),
              dataIndex: 'status',
              render: (v: ShareRequest['status']) => <RequestStatusTag value={v} />,
            },
            {
              title: t('share.col.requestedAt'),
              dataIndex: 'requestedAt',
              render: (v: string) => formatDateTime(v, locale),
            },
            {
              title: t('share.col.dueAt'),
              dataIndex: 'dueAt',
              render: (v: string | null, row) => (row.status === 'pending' ? formatDateTime(v, locale) : '—'),
            },
          ]}
        />
      </Card>
      {openId && (
        <RequestDetailDrawer
          key={openId}
          requestId={openId}
          canDecide={box === 'inbox' && can('data.share.approve')}
          departmentName={departmentName}
          onClose={() => setOpenId(null)}
          onDecided={() => {
            setOpenId(null);
            requests.reload();
          }}
          onOpenGrant={(id) => {
            setOpenId(null);
            setGrantId(id);
          }}
        />
      )}
      {grantId && (
        <GrantDetailDrawer
          key={grantId}
          grantId={grantId}
          departmentName={departmentName}
          onClose={() => setGrantId(null)}
          onChanged={() => requests.reload()}
        />
      )}
    </Space>
  );
}
